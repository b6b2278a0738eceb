"""A small constructed corpus of before/after block pairs, to measure the diff's rewrite
rule on. It is not a corpus of real revisions (see benchmarks/README.md, "Rewritten
blocks").

WRITTEN FOR THIS BENCHMARK: every text below was written by the project team in the
style of Swedish regional development policy (a consultation draft revised into an
adopted programme). None of it is quoted from a real document and none of it states
any real organisation's position. Each pair carries the judgement a careful human
reader made before running the rule: "rewrite" when the new block says something
largely new or in other words (the reader is best served by the old block struck out
whole and the new one shown whole), "edit" when the old block was revised in place
(word-level marks help the reader see exactly what changed).

Each entry: (name, kind, expected, old Markdown, new Markdown).
"""

from __future__ import annotations

REWRITE = "rewrite"
EDIT = "edit"
_TABLE = "| Område | Förutsättningar |\n|---|---|\n"

CORPUS: list[tuple[str, str, str, str, str]] = [
    (
        "heading: question to statement",
        "heading",
        REWRITE,
        "## Vad menar vi med hållbar turism?\n",
        "## Hållbar turism i praktiken\n",
    ),
    (
        "heading: words added at the end",
        "heading",
        EDIT,
        "## Möjligheter\n",
        "## Möjligheter och utmaningar\n",
    ),
    (
        "heading: one word dropped",
        "heading",
        EDIT,
        "## Genomförande och uppföljning\n",
        "## Genomförande\n",
    ),
    (
        "heading: renamed around a kept word",
        "heading",
        REWRITE,
        "## Så arbetar vi med digital omställning\n",
        "## Digital omställning i hela länet\n",
    ),
    (
        "paragraph: words inserted",
        "paragraph",
        EDIT,
        "Regionen ska verka för att fler företag i länet deltar i forsknings- och "
        "innovationsprojekt.\n",
        "Regionen ska verka för att fler små och medelstora företag i länet deltar i "
        "forsknings- och innovationsprojekt, även utanför de större tätorterna.\n",
    ),
    (
        "paragraph: a sentence added",
        "paragraph",
        EDIT,
        "Programmet följs upp varje år. Resultaten redovisas för det regionala "
        "utvecklingsutskottet.\n",
        "Programmet följs upp varje år. Resultaten redovisas för det regionala "
        "utvecklingsutskottet. Efter tre år görs en fördjupad utvärdering med externa "
        "bedömare.\n",
    ),
    (
        "paragraph: new argument on the same topic",
        "paragraph",
        REWRITE,
        "Kompetensförsörjningen är en av de största utmaningarna för näringslivet i "
        "länet. Många företag har svårt att rekrytera personal med rätt utbildning, och "
        "andelen unga som flyttar från länet är hög.\n",
        "Att hitta rätt kompetens är i dag det som oftast begränsar företagens "
        "tillväxt. Programmet prioriterar därför insatser där utbildningsanordnare och "
        "arbetsgivare planerar utbildningar tillsammans, i hela länet.\n",
    ),
    (
        "paragraph: rewritten, function words in common",
        "paragraph",
        REWRITE,
        "I en cirkulär ekonomi används resurserna på ett sätt som skapar mer värde och "
        "mindre avfall, och det som blir över tas tillvara i nya led.\n",
        "Styrkeområdet bygger på att restprodukter från en verksamhet blir råvara i en "
        "annan, och på att länets företag tar en större del av värdet i varje led.\n",
    ),
    (
        "paragraph: several small edits, mostly kept",
        "paragraph",
        EDIT,
        "Besöksnäringen är en av länets största näringar. Den ger arbete åt många unga "
        "och bidrar till att service finns kvar på mindre orter. Samtidigt är den "
        "känslig för säsongsvariationer och för förändringar i omvärlden.\n",
        "Besöksnäringen är en av länets största och mest internationella näringar. Den "
        "ger arbete åt många unga och bidrar till att handel och service finns kvar på "
        "mindre orter. Samtidigt är den känslig för säsongsvariationer, för klimatet "
        "och för förändringar i omvärlden.\n",
    ),
    (
        "paragraph: second sentence replaced",
        "paragraph",
        EDIT,
        "Länet har god tillgång till förnybar el. Det gör länet attraktivt för datacenter.\n",
        "Länet har god tillgång till förnybar el. Elnätens kapacitet kan ändå begränsa "
        "nya etableringar.\n",
    ),
    (
        "paragraph: rewritten in a new voice",
        "paragraph",
        REWRITE,
        "Med entreprenörskap menas förmågan att se möjligheter och omsätta dem i "
        "handling. Regionen vill stärka entreprenörskapet i skolan och bland unga.\n",
        "Vi vill att fler unga ska se det som ett självklart val att starta och driva "
        "företag i länet, och att skolan ska ge dem verktygen för det.\n",
    ),
    (
        "paragraph: reordered and condensed",
        "paragraph",
        REWRITE,
        "Digitaliseringen påverkar alla delar av samhället. För länets företag innebär "
        "den nya möjligheter att nå kunder långt bort, men också krav på ny kompetens "
        "och nya arbetssätt. För den offentliga sektorn handlar det om att utveckla "
        "tjänster som fungerar i hela länet.\n",
        "Nya arbetssätt och ny kompetens behövs när företag och offentlig sektor "
        "digitaliserar sina tjänster.\n",
    ),
    (
        "paragraph: a clause deleted",
        "paragraph",
        EDIT,
        "Insatser inom programmet kan finansieras med regionala medel, med medel från "
        "Europeiska regionala utvecklingsfonden och, där det är lämpligt, med privat "
        "kapital.\n",
        "Insatser inom programmet kan finansieras med regionala medel och med medel från "
        "Europeiska regionala utvecklingsfonden.\n",
    ),
    (
        "paragraph: figures updated",
        "paragraph",
        EDIT,
        "Programmet gäller från 2021 till 2027 och följs upp efter två år.\n",
        "Programmet gäller från 2022 till 2027 och följs upp efter tre år.\n",
    ),
    (
        "paragraph: interleaved rewrite of one sentence",
        "paragraph",
        REWRITE,
        "Samverkan mellan företag, offentlig sektor och akademi är en förutsättning för "
        "att programmet ska lyckas.\n",
        "Programmet lyckas bara om länets företag, kommuner och lärosäten tar gemensamt "
        "ansvar för det.\n",
    ),
    (
        "list item: bare phrase to bold lead and explanation",
        "list_item",
        REWRITE,
        "- stöd till företag som vill exportera,\n",
        "- **Export.** Företag som vill nå nya marknader ska få rådgivning och hjälp att "
        "hitta partner.\n",
    ),
    (
        "list item: word replaced",
        "list_item",
        EDIT,
        "- bättre tillvaratagande av restprodukter och spillvärme,\n",
        "- bättre tillvaratagande av restprodukter och överskottsvärme,\n",
    ),
    (
        "list item: short item turned around",
        "list_item",
        REWRITE,
        "- nya produkter och material från skogen,\n",
        "- **Byggande i trä.** Kunskap om trä som byggmaterial och om nya produkter.\n",
    ),
    (
        "list item: explanation added",
        "list_item",
        EDIT,
        "- testbäddar där företag kan pröva lösningar,\n",
        "- testbäddar där företag kan pröva lösningar tillsammans med användare och forskare,\n",
    ),
    (
        "table row: cell rewritten",
        "table_row",
        REWRITE,
        _TABLE + "| Energi | God tillgång till el och ett kallt klimat |\n",
        _TABLE + "| Energi | Förnybar elproduktion som kan ge nya verksamheter i länet |\n",
    ),
    (
        "heading: a word replaced",
        "heading",
        EDIT,
        "## Mål för programmet\n",
        "## Mål för styrkeområdena\n",
    ),
    (
        "heading: two words changed apart",
        "heading",
        REWRITE,
        "## Hur vi följer upp programmet\n",
        "## Hur regionen följer upp arbetet\n",
    ),
    (
        "paragraph: sentence condensed",
        "paragraph",
        REWRITE,
        "Programmet ska gälla från den 1 januari 2021 och följas upp årligen av den "
        "regionala utvecklingsnämnden.\n",
        "Programmet gäller från 2021 och följs upp vartannat år av nämnden.\n",
    ),
    (
        "paragraph: two words swapped in a short sentence",
        "paragraph",
        EDIT,
        "Länet har många små företag.\n",
        "Länet har få men växande företag.\n",
    ),
    (
        "paragraph: several edits, a little over half kept",
        "paragraph",
        EDIT,
        "Regionen ska under programperioden stödja företag som vill växa, exportera "
        "eller ställa om till en fossilfri produktion.\n",
        "Regionen ska under hela perioden hjälpa företag som vill växa eller exportera, "
        "och företag som ställer om till fossilfri produktion.\n",
    ),
]
