// Offers a reader whose browser prefers one of the site's other languages the page
// they are on in that language. Only on pages in the site's own language, and only
// here, in the browser: every reader is served the same page for the same address,
// so that the page cache and any CDN stay exact. Once put away, it stays away.
(function () {
  "use strict";

  var DISMISSED = "language-suggestion-dismissed";
  // Browsers that name a language otherwise than the site does.
  var ALIASES = { tl: "fil", in: "id" };

  function dismissed() {
    try {
      return window.localStorage.getItem(DISMISSED) === "1";
    } catch (error) {
      return true; // no storage: nowhere to remember a dismissal, so never nag
    }
  }

  function preferredLink(menu) {
    var links = {};
    menu.querySelectorAll("a[hreflang][data-suggestion]").forEach(function (link) {
      links[link.hreflang] = link;
    });
    var wanted = navigator.languages || [navigator.language];
    for (var i = 0; i < wanted.length; i += 1) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      code = ALIASES[code] || code;
      if (code === menu.dataset.siteLanguage) {
        return null; // the reader is reading their first choice already
      }
      if (links[code]) {
        return links[code];
      }
    }
    return null;
  }

  function offer(link) {
    var box = document.createElement("div");
    box.className = "alert alert-info d-flex align-items-center gap-2 language-suggestion";
    box.id = "language-suggestion";
    box.lang = link.hreflang;
    var go = document.createElement("a");
    go.setAttribute("href", link.getAttribute("href"));
    go.hreflang = link.hreflang;
    go.className = "alert-link me-auto";
    go.textContent = link.dataset.suggestion;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("aria-label", link.dataset.dismiss);
    close.addEventListener("click", function () {
      try {
        window.localStorage.setItem(DISMISSED, "1");
      } catch (error) {
        // nowhere to remember it: it goes for this page only
      }
      box.remove();
    });
    box.append(go, close);
    return box;
  }

  var menu = document.getElementById("language-menu");
  var main = document.getElementById("content");
  if (!menu || !main || document.documentElement.lang !== menu.dataset.siteLanguage) {
    return;
  }
  if (dismissed()) {
    return;
  }
  var link = preferredLink(menu);
  if (link) {
    main.prepend(offer(link));
  }
})();
