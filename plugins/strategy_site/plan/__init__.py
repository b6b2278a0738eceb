"""Stage 3: the page plan.

Every page the site has, its Markdown and its surroundings (banners, selectors, notices),
decided from the model and the derived facts. Knows nothing of the engine that renders it.
"""
