// Titles offered as one types into a search box (the ARIA 1.2 combobox pattern): the
// list comes from the box's data-suggest address (/search/suggest/, OpenSearch JSON);
// Up and Down move through it, Enter opens the chosen page, Escape closes it. Without
// this script the box is a plain search box, as it always was.
(function () {
  "use strict";

  var PAUSE_MS = 150;

  function suggestions(input) {
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels.length ? input.labels[0].textContent : input.placeholder);
    list.hidden = true;
    input.form.classList.add("has-suggestions");
    input.form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var timer = null;
    var asked = "";
    var active = -1;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      var all = options();
      if (!all.length) {
        return;
      }
      active = (index + all.length) % all.length;
      all.forEach(function (option, n) {
        option.setAttribute("aria-selected", n === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function show(titles, addresses) {
      list.replaceChildren();
      titles.forEach(function (title, n) {
        var option = document.createElement("li");
        option.id = list.id + "-" + n;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = title;
        // The page on this site, whatever base address the answer names.
        option.dataset.href = addresses[n] ? new URL(addresses[n]).pathname : "";
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          window.location.assign(option.dataset.href);
        });
        list.appendChild(option);
      });
      if (titles.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function ask() {
      var text = input.value.trim();
      if (!text) {
        close();
        return;
      }
      asked = text;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/x-suggestions+json, application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && answer[0] === asked && input.value.trim() === asked) {
            active = -1;
            show(answer[1], answer[3] || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, PAUSE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) {
          ask();
          return;
        }
        event.preventDefault();
        choose(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.href);
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest]").forEach(suggestions);
})();
