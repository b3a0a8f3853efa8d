// The reader's appearance: colours, text size and spoilers, chosen in the Appearance
// menu and kept in this browser only. Every reader is served the same page for the same
// address (so the page cache stays exact); this script, loaded in <head> before the page
// is drawn, applies the choice with no flash of the wrong theme. Without it, the system's
// colours still apply (static/css/theme-auto.css) and spoilers open with a click.
(function () {
  "use strict";

  var root = document.documentElement;
  var KEYS = { theme: "appearance-theme", "text-size": "appearance-text-size", spoilers: "appearance-spoilers" };
  var DEFAULTS = { theme: "auto", "text-size": "standard", spoilers: "" };
  var darkSystem = window.matchMedia("(prefers-color-scheme: dark)");

  function read(name) {
    try {
      return window.localStorage.getItem(KEYS[name]) || DEFAULTS[name];
    } catch (error) {
      return DEFAULTS[name]; // no storage: the defaults, every time
    }
  }

  function write(name, value) {
    try {
      window.localStorage.setItem(KEYS[name], value);
    } catch (error) {
      // Nowhere to keep it: the choice lasts as long as this page.
    }
  }

  function applyTheme() {
    var theme = read("theme");
    if (theme === "auto") {
      theme = darkSystem.matches ? "dark" : "light";
    }
    root.setAttribute("data-bs-theme", theme);
  }

  function applyTextSize() {
    root.setAttribute("data-text-size", read("text-size"));
  }

  function openSpoilers() {
    if (read("spoilers") === "show") {
      document.querySelectorAll("details.spoiler").forEach(function (spoiler) {
        spoiler.open = true;
      });
    }
  }

  root.classList.add("js");
  applyTheme();
  applyTextSize();
  darkSystem.addEventListener("change", applyTheme);

  function bindMenu() {
    var menu = document.getElementById("appearance-menu");
    if (!menu) {
      return;
    }
    menu.querySelectorAll("input[name=theme], input[name=text-size]").forEach(function (input) {
      input.checked = input.value === read(input.name);
      input.addEventListener("change", function () {
        write(input.name, input.value);
        applyTheme();
        applyTextSize();
      });
    });
    var spoilers = menu.querySelector("input[name=spoilers]");
    spoilers.checked = read("spoilers") === "show";
    spoilers.addEventListener("change", function () {
      write("spoilers", spoilers.checked ? "show" : "");
      openSpoilers();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    bindMenu();
    openSpoilers();
  });
  // On paper, every spoiler is printed open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.spoiler").forEach(function (spoiler) {
      spoiler.open = true;
    });
  });
})();
