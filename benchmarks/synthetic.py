"""Synthetic strategies for the benchmarks: N sections per version, four versions.

Deterministic for a given N and seed. The text is Swedish-like (real Swedish words in
random order) with headings, lists, tables, admonitions and links between sections; the
"English" translation maps every Swedish word to an English one, so that a word changed
in Swedish is a word changed in English and translations diff like real ones.

Versions, as in content-format.md:

- utkast (draft): N sections in a nested table of contents;
- remiss (consultation, based on utkast, with a consultation block) and
  beslutad (adopted, based on remiss, with a decision block): each made from the one
  before with realistic edits: word replacements in ~10 % of paragraphs, inserted,
  deleted and rewritten paragraphs, renamed, moved, removed and added sections and one
  merged section (`replaces: [a, b]`), keeping N sections;
- popular (based on beslutad): N short sections, each `summarises` one or two sections.

English translations (`<id>.en.md`): most current (`source_hash` from
`strategy_site.derive.translations.text_hash`), some outdated (a stale text and hash, as when a
version is copied and the Swedish changes), some missing.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from strategy_site.derive.translations import text_hash

# -- words -------------------------------------------------------------------------


def word_list(text: str) -> list[str]:
    return text.split()


SV_FUNCTION = word_list(
    "och att i som för med på av till det en ett är ska kan har inte om men så även "
    "vi de den där genom mellan under efter inom mot utan både eller när också mer"
)
SV_CONTENT = word_list(
    "regionen länet företag innovation kompetens samverkan utveckling hållbar energi "
    "skogen vattnet fjällen turism besöksnäring industri forskning universitetet "
    "kommunerna näringslivet omställning digitalisering tjänster produkter marknad "
    "investeringar arbetstillfällen befolkning landsbygd städer infrastruktur bredband "
    "transporter elnätet datacenter livsmedel odling förädling råvaror restprodukter "
    "kunskap lärande utbildning entreprenörskap tillväxt export värdekedjan samhälle "
    "miljö klimat fossilfritt förnybar styrning uppföljning genomförande prioriteringar "
    "styrkeområden insatser aktörer offentliga privata civilsamhället finansiering "
    "program strategi mål indikatorer resultat effekter nätverk kluster samarbete "
    "internationellt europeiska nationella regionala lokala glest befolkat kallt "
    "klimatet erfarenheter möjligheter utmaningar behov förutsättningar kapacitet "
    "kompetensförsörjning arbetsmarknaden unga äldre hälsa vård omsorg e-hälsa "
    "idrott evenemang kultur upplevelser natur friluftsliv mat hantverk design "
    "smarta lösningar system data teknik tester demonstration pilot skala spridning "
    "stärka utveckla bygga främja stödja öka minska skapa använda samla pröva lära "
    "viktig stor liten ny gemensam långsiktig tydlig bred särskild central konkret"
)
SLUG_WORDS = word_list(
    "energi skog vatten turism industri forskning digital halsa mat kultur natur "
    "kompetens innovation samverkan bredband transport export kluster program mal "
    "uppfoljning genomforande omstallning tjanster landsbygd fjall idrott design data "
    "teknik lokal regional nationell gemensam smart hallbar ny bred central"
)
EN_FUNCTION = {
    "och": "and", "att": "to", "i": "in", "som": "that", "för": "for", "med": "with",
    "på": "on", "av": "of", "till": "to", "det": "it", "en": "a", "ett": "one",
    "är": "is", "ska": "shall", "kan": "can", "har": "has", "inte": "not", "om": "if",
    "men": "but", "så": "so", "även": "also", "vi": "we", "de": "they", "den": "the",
    "där": "where", "genom": "through", "mellan": "between", "under": "during",
    "efter": "after", "inom": "within", "mot": "towards", "utan": "without",
    "både": "both", "eller": "or", "när": "when", "också": "too", "mer": "more",
}  # fmt: skip
EN_CONTENT = word_list(
    "region county companies innovation skills cooperation development sustainable "
    "energy forest water mountains tourism visitors industry research university "
    "municipalities business transition digitalisation services products market "
    "investment jobs population countryside towns infrastructure broadband transport "
    "grid datacentres food farming processing resources residues knowledge learning "
    "education enterprise growth exports chain society environment climate renewable "
    "governance monitoring implementation priorities strengths measures actors public "
    "private civil funding programme strategy goals indicators results effects network "
    "clusters partnership international european national regional local sparse cold "
    "experience opportunities challenges needs conditions capacity labour young older "
    "health care welfare sport events culture experiences nature outdoor crafts design "
    "smart solutions systems data technology testing demonstration pilot scale spread "
    "strengthen develop build promote support increase reduce create use gather try "
    "learn important large small new common longterm clear broad particular central"
)
ADMONITIONS = ("note", "info", "tip")
WORD = re.compile(r"\]\([^)]*\)|^!!! \w+|[^\W\d_]+(?:-[^\W\d_]+)*", re.M)
LINK = re.compile(r"\[([^\]]*)\]\(([a-z0-9-]+)\.md\)")


def english_word(word: str) -> str:
    lower = word.lower()
    english = EN_FUNCTION.get(lower) or EN_CONTENT[zlib.crc32(lower.encode()) % len(EN_CONTENT)]
    return english.capitalize() if word[:1].isupper() else english


def translate(text: str) -> str:
    """Word-for-word 'English': link targets and admonition types stay as they are."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("](") or token.startswith("!!!"):
            return token
        return english_word(token)

    return WORD.sub(one, text)


# -- the model of a generated version ----------------------------------------------


@dataclass
class Node:
    id: str
    children: list[Node] = field(default_factory=list)


@dataclass
class Sec:
    id: str
    title: str
    blocks: list[str]  # Markdown blocks, joined by blank lines
    summary: str | None = None
    replaces: list[str] = field(default_factory=list)
    summarises: list[str] = field(default_factory=list)
    # The translation: None (missing) or (English title, English body, source_hash).
    translation: tuple[str, str, str] | None = None


@dataclass
class GenVersion:
    id: str
    yml: str
    toc: list[Node]
    secs: dict[str, Sec]


def walk(nodes: list[Node]):
    for node in nodes:
        yield node
        yield from walk(node.children)


def leaf_lists(nodes: list[Node]):
    """(the list holding it, its index) for every leaf, top level included."""
    for index, node in enumerate(nodes):
        if node.children:
            yield from leaf_lists(node.children)
        else:
            yield nodes, index


def parent_lists(nodes: list[Node]):
    yield nodes
    for node in nodes:
        if node.children:
            yield from parent_lists(node.children)


# -- text --------------------------------------------------------------------------


class Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: set[str] = set()

    def word(self) -> str:
        if self.rng.random() < 0.35:
            return self.rng.choice(SV_FUNCTION)
        return self.rng.choice(SV_CONTENT)

    def sentence(self, low: int = 8, high: int = 18) -> str:
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        words = [self.rng.choice(SV_CONTENT) for _ in range(self.rng.randint(2, 4))]
        if len(words) > 2:
            words.insert(len(words) - 1, "och")
        return " ".join(words).capitalize()

    def section_id(self) -> str:
        while True:
            parts = self.rng.sample(SLUG_WORDS, self.rng.choice((1, 2, 2, 3)))
            candidate = "-".join(parts)
            if candidate in self.ids:
                candidate = f"{candidate}-{len(self.ids)}"
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate

    def bullet_list(self) -> str:
        return "\n".join(
            f"- **{self.title()}.** {self.sentence(6, 14)}" for _ in range(self.rng.randint(3, 5))
        )

    def table(self) -> str:
        head = [self.rng.choice(SV_CONTENT).capitalize() for _ in range(3)]
        rows = [
            f"| {self.title()} | {self.sentence(3, 6)} | {self.rng.randint(2, 400)} |"
            for _ in range(self.rng.randint(3, 5))
        ]
        return "\n".join([f"| {' | '.join(head)} |", "|---|---|---:|", *rows])

    def admonition(self) -> str:
        kind = self.rng.choice(ADMONITIONS)
        return f'!!! {kind} "{self.title()}"\n\n    {self.sentence()} {self.sentence()}'

    def link_sentence(self, target: str) -> str:
        return f"Arbetet hänger ihop med [{self.title()}]({target}.md). {self.sentence()}"

    def body(self, link_targets: list[str]) -> list[str]:
        rng = self.rng
        blocks = [self.paragraph() for _ in range(rng.randint(1, 3))]
        for _ in range(rng.randint(1, 2)):
            blocks.append(f"## {self.title()}")
            blocks += [self.paragraph() for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.5:
                blocks.append(self.bullet_list())
        if rng.random() < 0.15:
            blocks.append(self.table())
        if rng.random() < 0.1:
            blocks.insert(1, self.admonition())
        if link_targets and rng.random() < 0.3:
            blocks.append(self.link_sentence(rng.choice(link_targets)))
        return blocks

    def short_body(self) -> list[str]:
        return [self.paragraph(2, 3) for _ in range(self.rng.randint(1, 2))]


def is_paragraph(block: str) -> bool:
    return not block.startswith(("#", "-", "|", "!!!"))


# -- writing to disk ---------------------------------------------------------------


def resolve_links(text: str, present: set[str]) -> str:
    """Links to sections the version does not have become plain text."""
    return LINK.sub(lambda m: m.group(0) if m.group(2) in present else m.group(1), text)


def render_body(sec: Sec, present: set[str], blocks: list[str] | None = None) -> str:
    """The body as written, with links only to sections the version has."""
    return resolve_links("\n\n".join(sec.blocks if blocks is None else blocks), present) + "\n"


def yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def section_file(sec: Sec, body: str) -> str:
    lines = ["---", f"title: {yaml_string(sec.title)}"]
    if sec.summary:
        lines.append(f"summary: {yaml_string(sec.summary)}")
    if sec.replaces:
        lines.append(f"replaces: [{', '.join(sec.replaces)}]")
    if sec.summarises:
        lines.append(f"summarises: [{', '.join(sec.summarises)}]")
    return "\n".join(lines) + "\n---\n\n" + body


def translation_file(title: str, body: str, source_hash: str) -> str:
    # Quoted: a hex hash such as "1e400000" would otherwise read as a number (inf).
    return (
        f"---\ntitle: {yaml_string(title)}\nsource_hash: {yaml_string(source_hash)}\n---\n\n{body}"
    )


def toc_yaml(nodes: list[Node], indent: str = "  ") -> list[str]:
    lines = []
    for node in nodes:
        if node.children:
            lines.append(f"{indent}- id: {node.id}")
            lines.append(f"{indent}  sections:")
            lines += toc_yaml(node.children, indent + "    ")
        else:
            lines.append(f"{indent}- {node.id}")
    return lines


STRATEGY_YML = """\
title:
  sv: Program för smart specialisering (syntetiskt test)
  en: Smart Specialisation Programme (synthetic test)
publisher:
  sv: Region Testlän
  en: Region Testlän
source_language: sv
languages: [sv, en]
versions: [utkast, remiss, beslutad, popular]
current: beslutad
"""

VERSION_YML = {
    "utkast": "status: draft\ntitle:\n  sv: Utkast\n  en: Draft\ndate: 2019-12-18\n",
    "remiss": (
        "status: consultation\ntitle:\n  sv: Remissutkast\n  en: Consultation draft\n"
        "date: 2020-03-02\nbased_on: utkast\nconsultation:\n  opens: 2020-03-02\n"
        "  closes: 2020-04-30\n  respond_to: registrator@example.se\n"
        "  reference: RJH 2020/123\n"
    ),
    "beslutad": (
        "status: adopted\ntitle:\n  sv: Beslutat program\n  en: Adopted programme\n"
        "date: 2020-11-25\nbased_on: remiss\ndecision:\n  by: Regionfullmäktige\n"
        "  date: 2020-11-25\n  reference: RJH 2020/123 § 45\n"
    ),
    "popular": (
        "status: popular\ntitle:\n  sv: Populärversion\n  en: Popular version\n"
        "date: 2021-03-01\nbased_on: beslutad\n"
    ),
}

# The build date of every benchmark build: after the consultation closed and after the
# popular version was published (2021-06-01T00:00:00Z).
SOURCE_DATE_EPOCH = 1622505600


@dataclass
class Stats:
    sections: int = 0
    words: int = 0
    current: int = 0
    outdated: int = 0
    missing: int = 0
    inputs: int = 0


# -- the generator -----------------------------------------------------------------


class Generator:
    def __init__(self, n: int, seed: int = 1):
        self.n = n
        self.rng = random.Random(f"{seed}-{n}")
        self.w = Writer(self.rng)

    # The first version -------------------------------------------------------------

    def draft(self) -> GenVersion:
        rng, n = self.rng, self.n
        toc: list[Node] = []
        count = 0
        while count < n:
            node = Node(self.w.section_id())
            count += 1
            if len(toc) % 3 == 2 and n - count >= 2:  # every third top-level is a parent
                for _ in range(min(rng.randint(2, 6), n - count)):
                    child = Node(self.w.section_id())
                    count += 1
                    if rng.random() < 0.1 and n - count >= 2:  # now and then a third level
                        child.children = [Node(self.w.section_id()) for _ in range(2)]
                        count += 2
                    node.children.append(child)
            toc.append(node)
        ids = [node.id for node in walk(toc)]
        secs = {}
        for section_id in ids:
            secs[section_id] = Sec(section_id, self.w.title(), self.w.body(ids))
            if rng.random() < 0.3:
                secs[section_id].summary = self.w.sentence()
        version = GenVersion("utkast", VERSION_YML["utkast"], toc, secs)
        self.translate_all(version, None)
        return version

    # Edits --------------------------------------------------------------------------

    def edit(self, base: GenVersion, version_id: str) -> GenVersion:
        """The next version: a copy of `base` with the edits of a real revision."""
        rng, n = self.rng, self.n
        toc = copy.deepcopy(base.toc)
        secs = {i: copy.deepcopy(s) for i, s in base.secs.items()}
        for sec in secs.values():
            sec.replaces = []  # names sections of base's base: not valid any more
        removed = max(1, round(n * 0.02))
        moved = max(1, n // 100)
        renamed = max(1, n // 50)

        # One merge: two neighbouring leaves become one section that replaces both.
        candidates = [
            (nodes, i)
            for nodes, i in leaf_lists(toc)
            if i + 1 < len(nodes) and not nodes[i + 1].children
        ]
        nodes, i = rng.choice(candidates)
        a, b = secs.pop(nodes[i].id), secs.pop(nodes[i + 1].id)
        merged = Sec(
            self.w.section_id(),
            f"{a.title} och {b.title.lower()}",
            a.blocks + [p for p in b.blocks if not p.startswith("## ")][:3],
            summary=a.summary,
            replaces=[a.id, b.id],
            translation=None,
        )
        secs[merged.id] = merged
        nodes[i : i + 2] = [Node(merged.id)]

        # Removed sections (leaves; a parent emptied of children stays as a leaf).
        for _ in range(removed):
            leaves = list(leaf_lists(toc))
            nodes, i = rng.choice(leaves)
            if len(leaves) <= 2:
                break
            del secs[nodes.pop(i).id]

        # Moved sections: to another place among the lists of the table of contents.
        for _ in range(moved):
            nodes, i = rng.choice(list(leaf_lists(toc)))
            node = nodes.pop(i)
            target = rng.choice(list(parent_lists(toc)))
            target.insert(rng.randint(0, len(target)), node)

        # Added sections, until the version has n again.
        present = [node.id for node in walk(toc)]
        while len(secs) < n:
            node = Node(self.w.section_id())
            target = rng.choice(list(parent_lists(toc)))
            target.insert(rng.randint(0, len(target)), node)
            secs[node.id] = Sec(node.id, self.w.title(), self.w.body(present))

        # Renamed sections.
        for sec in rng.sample(sorted(secs.values(), key=lambda s: s.id), renamed):
            words = sec.title.split()
            words[-1] = rng.choice(SV_CONTENT)
            sec.title = " ".join(words).capitalize()

        # Paragraph edits.
        for sec in secs.values():
            if sec is merged:
                continue
            blocks = sec.blocks
            for index, block in enumerate(blocks):
                if not is_paragraph(block):
                    continue
                roll = rng.random()
                if roll < 0.10:  # a few words replaced
                    tokens = block.split(" ")
                    for _ in range(rng.randint(1, 3)):
                        k = rng.randrange(1, len(tokens) - 1)
                        if not any(c in tokens[k] for c in "[]()"):  # links stay intact
                            tokens[k] = self.w.word()
                    blocks[index] = " ".join(tokens)
                elif roll < 0.12 and "](" not in block:  # rewritten, a third of it kept
                    kept = block.split(" ")
                    rewritten = [w if rng.random() < 0.33 else self.w.word() for w in kept[:-1]]
                    blocks[index] = " ".join([*rewritten, kept[-1]])
            if rng.random() < 0.05:
                blocks.insert(rng.randint(0, len(blocks)), self.w.paragraph())
            paragraphs = [k for k, block in enumerate(blocks) if is_paragraph(block)]
            if rng.random() < 0.05 and len(paragraphs) > 2:
                del blocks[rng.choice(paragraphs)]

        order = [node.id for node in walk(toc)]
        version = GenVersion(version_id, VERSION_YML[version_id], toc, {i: secs[i] for i in order})
        self.translate_all(version, base)
        return version

    def popular(self, base: GenVersion) -> GenVersion:
        toc = copy.deepcopy(base.toc)
        ids = [node.id for node in walk(toc)]
        secs = {}
        for k, section_id in enumerate(ids):
            summarised = [section_id]
            if self.rng.random() < 0.2 and k + 1 < len(ids):
                summarised.append(ids[k + 1])
            secs[section_id] = Sec(
                section_id,
                base.secs[section_id].title,
                self.w.short_body(),
                summary=self.w.sentence() if self.rng.random() < 0.5 else None,
                summarises=summarised,
            )
        version = GenVersion("popular", VERSION_YML["popular"], toc, secs)
        self.translate_all(version, None)
        return version

    # Translations -------------------------------------------------------------------

    def translate_all(self, version: GenVersion, base: GenVersion | None) -> None:
        """Current where the translators kept up; stale text and hash where they did not
        (a copied translation whose Swedish changed); missing now and then."""
        rng = self.rng
        present = set(version.secs)
        for sec in version.secs.values():
            body = render_body(sec, present)
            current = (translate(sec.title), translate(body), text_hash(sec.title, body))
            old = base.secs.get(sec.id) if base is not None else None
            if old is not None:  # a section carried over from the base version
                assert base is not None
                unchanged = (old.title, render_body(old, set(base.secs))) == (sec.title, body)
                if old.translation is None:
                    sec.translation = current if rng.random() < 0.5 else None
                elif unchanged or rng.random() < 0.7:
                    sec.translation = current
                else:
                    sec.translation = old.translation  # outdated: made from the old text
            elif base is not None:  # new in this version: translated or not yet
                sec.translation = current if rng.random() < 0.5 else None
            elif rng.random() < 0.05:  # first version: now and then missing
                sec.translation = None
            elif rng.random() < 0.05:  # or made from an earlier wording
                older = sec.blocks[:-1] or sec.blocks
                stale = render_body(sec, present, older)
                sec.translation = (
                    translate(sec.title),
                    translate(stale),
                    text_hash(sec.title, stale),
                )
            else:
                sec.translation = current

    # Everything ---------------------------------------------------------------------

    def versions(self) -> list[GenVersion]:
        utkast = self.draft()
        remiss = self.edit(utkast, "remiss")
        beslutad = self.edit(remiss, "beslutad")
        return [utkast, remiss, beslutad, self.popular(beslutad)]

    def inputs(self, versions: list[GenVersion]) -> dict[str, str]:
        """A workshop about the draft and consultation responses about the consultation
        draft, scaled with N: one item per five sections."""
        rng = self.rng
        utkast, remiss = versions[0], versions[1]
        files = {}

        def items(version: GenVersion, count: int, prefix: str) -> list[str]:
            lines = ["items:"]
            for k in range(count):
                section = rng.choice(list(version.secs))
                decision = rng.choice(("accepted", "partly", "rejected", "noted"))
                lines += [
                    f"  - id: {prefix}-{k + 1}",
                    f"    text: {yaml_string(self.w.sentence())}",
                    f"    section: {section}",
                    f"    proposal: {yaml_string(self.w.sentence())}",
                    f"    decision: {decision}",
                    f"    response: {yaml_string(self.w.sentence())}",
                ]
                if decision in ("accepted", "partly"):
                    later = "remiss" if version is utkast else "beslutad"
                    lines.append(f"    addressed_in: {later}")
            return lines

        files["workshop-2019-12-11.yml"] = "\n".join(
            [
                "kind: workshop",
                "date: 2019-12-11",
                "from:",
                "  - Almi",
                "  - Bergs kommun",
                "about: utkast",
                *items(utkast, max(3, self.n // 10), "punkt"),
            ]
        )
        for r in range(max(1, self.n // 25)):
            files[f"remissvar-{r + 1}.yml"] = "\n".join(
                [
                    "kind: consultation-response",
                    "date: 2020-04-20",
                    f"title: Remissvar {r + 1}",
                    "from:",
                    f"  - Organisation {r + 1}",
                    "about: remiss",
                    *items(remiss, 5, "synpunkt"),
                ]
            )
        return {name: text + "\n" for name, text in files.items()}


def write_strategy(root: Path, n: int, seed: int = 1) -> tuple[list[GenVersion], Stats]:
    """strategy/ under `root`, in the content format; returns the versions and counts."""
    generator = Generator(n, seed)
    versions = generator.versions()
    stats = Stats()
    strategy = root / "strategy"
    if strategy.exists():
        shutil.rmtree(strategy)
    (strategy / "versions").mkdir(parents=True)
    (strategy / "strategy.yml").write_text(STRATEGY_YML, encoding="utf-8")
    for version in versions:
        folder = strategy / "versions" / version.id
        folder.mkdir()
        yml = version.yml + "sections:\n" + "\n".join(toc_yaml(version.toc)) + "\n"
        (folder / "version.yml").write_text(yml, encoding="utf-8")
        present = set(version.secs)
        for sec in version.secs.values():
            body = render_body(sec, present)
            (folder / f"{sec.id}.md").write_text(section_file(sec, body), encoding="utf-8")
            stats.sections += 1
            stats.words += len(body.split())
            if sec.translation is None:
                stats.missing += 1
                continue
            title, en_body, source_hash = sec.translation
            en_body = resolve_links(en_body, present)
            (folder / f"{sec.id}.en.md").write_text(
                translation_file(title, en_body, source_hash), encoding="utf-8"
            )
            if source_hash == text_hash(sec.title, body):
                stats.current += 1
            else:
                stats.outdated += 1
    inputs = generator.inputs(versions)
    (strategy / "inputs").mkdir()
    for name, text in inputs.items():
        (strategy / "inputs" / name).write_text(text, encoding="utf-8")
        stats.inputs += text.count("  - id: ")
    return versions, stats


def write_plain_docs(docs: Path, versions: list[GenVersion]) -> None:
    """The same Markdown as ordinary MkDocs pages: docs/<version>/<section>.md with an
    .en.md twin, a front page per version and a home page; navigation left to MkDocs."""
    (docs / "index.md").write_text("# Strategin\n\nAlla versioner av strategin.\n", "utf-8")
    (docs / "index.en.md").write_text("# The strategy\n\nEvery version.\n", "utf-8")
    for version in versions:
        folder = docs / version.id
        folder.mkdir(parents=True)
        present = set(version.secs)
        contents = [f"- [{sec.title}]({sec.id}.md)" for sec in version.secs.values()]
        front = f"# {version.id.capitalize()}\n\n" + "\n".join(contents) + "\n"
        (folder / "index.md").write_text(front, "utf-8")
        (folder / "index.en.md").write_text(translate(front), "utf-8")
        for sec in version.secs.values():
            body = render_body(sec, present)
            page = f"---\ntitle: {yaml_string(sec.title)}\n---\n\n# {sec.title}\n\n{body}"
            (folder / f"{sec.id}.md").write_text(page, "utf-8")
            if sec.translation is not None:
                title, en_body, _ = sec.translation
                en_body = resolve_links(en_body, present)
            else:  # the plain site gets a twin for every page: the same page count
                title, en_body = translate(sec.title), translate(body)
            en_page = f"---\ntitle: {yaml_string(title)}\n---\n\n# {title}\n\n{en_body}"
            (folder / f"{sec.id}.en.md").write_text(en_page, "utf-8")
