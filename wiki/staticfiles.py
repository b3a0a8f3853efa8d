"""The static files' storage: hashed, compressed names served by WhiteNoise."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Also rewrites the `import … from "./x.js"` of the site's ES modules to the
    hashed names, so that a module and the modules it imports change together."""

    support_js_module_import_aggregation = True
