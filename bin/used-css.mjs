// Writes static/css/bootstrap.used.css: the rules of the vendored Bootstrap that the
// site's templates, the form templates it renders with (crispy-bootstrap5, Django's),
// its Python and its scripts name, so that a page is sent only the CSS it can use.
// `node bin/used-css.mjs [OUTPUT]`; tests/wiki/test_used_css.py checks the committed
// file is what this writes today.
import { writeFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const output = process.argv[2] || "static/css/bootstrap.used.css";
// Where the Python packages are (the test says; by default the project's .venv).
const sitePackages = process.env.SITE_PACKAGES || ".venv/lib/python3*/site-packages";
const [result] = await new PurgeCSS().purge({
  css: ["static/vendor/bootstrap/css/bootstrap.min.css"],
  content: [
    "templates/**/*.html",
    "wiki/**/*.py",
    "films/**/*.py",
    "static/js/**/*.js",
    `${sitePackages}/crispy_bootstrap5/templates/**/*.html`,
    `${sitePackages}/django/forms/templates/**/*.html`,
  ],
  safelist: {
    // Messages are drawn as alert-{{ tag }}; Bootstrap's script adds the rest.
    standard: [/^alert-/, "show", "collapsing", "fade"],
    greedy: [/data-bs-theme/],
  },
});
const css = result.css.replace(/\/\*# sourceMappingURL=.*?\*\//, "").trim();
writeFileSync(
  output,
  "/* Bootstrap 5.3.8 (MIT), the rules the site uses: written by bin/used-css.mjs. */\n" +
    css +
    "\n",
);
