/* kc default theme: dark-mode toggle, mobile nav, catalog sorting/filtering, training quizzes.
   Every page works without this script; it only adds conveniences. */
(function () {
  "use strict";
  var root = document.documentElement;

  /* Light/dark: system preference by default, the reader's choice once made (localStorage). */
  var toggle = document.getElementById("theme-toggle");
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effectiveTheme() {
    return root.dataset.theme || (dark && dark.matches ? "dark" : "light");
  }
  function labelToggle() {
    if (!toggle) return;
    var isDark = effectiveTheme() === "dark";
    toggle.setAttribute("aria-label", isDark ? "Switch to light mode" : "Switch to dark mode");
    toggle.setAttribute("aria-pressed", isDark ? "true" : "false");
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      try { localStorage.setItem("kc-theme", next); } catch (e) { /* private mode */ }
      labelToggle();
    });
    if (dark && dark.addEventListener) dark.addEventListener("change", labelToggle);
    labelToggle();
  }

  /* Narrow screens: the section nav opens from the Menu button. */
  var navButton = document.querySelector(".nav-toggle");
  if (navButton) {
    navButton.addEventListener("click", function () {
      var open = navButton.getAttribute("aria-expanded") !== "true";
      navButton.setAttribute("aria-expanded", open ? "true" : "false");
      document.body.classList.toggle("nav-open", open);
    });
  }

  /* Catalog tables: sort by a column, filter by text and status. */
  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()).toLowerCase() : "";
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    var tools = table.closest(".table-wrap") && table.closest(".table-wrap").previousElementSibling;
    if (!tools || !tools.classList.contains("table-tools")) return;
    tools.hidden = false;
    var text = tools.querySelector(".table-filter");
    var status = tools.querySelector(".status-filter");
    var count = tools.querySelector(".table-count");
    function applyFilter() {
      var query = text.value.trim().toLowerCase(), wanted = status.value, shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var match = (!query || row.textContent.toLowerCase().indexOf(query) >= 0) &&
                    (!wanted || row.getAttribute("data-status") === wanted);
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " of " + body.rows.length + " shown";
    }
    text.addEventListener("input", applyFilter);
    status.addEventListener("change", applyFilter);
  });

  /* Training quizzes: a self-check, answers are in the page. An unanswered question
     keeps its answer hidden; explanations show once the question is answered and checked. */
  document.querySelectorAll("form.quiz").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var questions = form.querySelectorAll("fieldset.quiz-question");
      var scoreLine = form.querySelector(".quiz-score");
      if (!form.querySelector("input:checked")) {
        scoreLine.textContent = "Choose an answer to at least one question, then check.";
        return;
      }
      var score = 0;
      questions.forEach(function (fieldset) {
        var answer = fieldset.getAttribute("data-answer");
        var chosen = fieldset.querySelector("input:checked");
        var right = chosen !== null && chosen.value === answer;
        fieldset.classList.toggle("correct", right);
        fieldset.classList.toggle("wrong", chosen !== null && !right);
        var feedback = fieldset.querySelector(".quiz-feedback");
        var explanation = fieldset.querySelector(".quiz-explanation");
        var correctLabel = fieldset.querySelectorAll("label")[Number(answer)];
        feedback.hidden = false;
        if (chosen === null) {
          feedback.textContent = "Not answered yet.";
        } else {
          feedback.textContent = right ? "Correct." : "Not quite. The answer is: " +
            (correctLabel ? correctLabel.textContent.trim() : "");
        }
        if (explanation) explanation.hidden = chosen === null;
        if (right) score += 1;
      });
      scoreLine.textContent = "Score: " + score + " / " + questions.length;
    });
  });
})();

// Reading long documents: "On this page" is open where it is a sidebar (collapsed on phones,
// so the title and first paragraph come first), marks the section being read, and heading
// links copy the section's address.
(function () {
  var box = document.querySelector(".toc-box");
  if (box && window.matchMedia && window.matchMedia("(min-width: 1100px)").matches) box.open = true;
  var links = box ? Array.prototype.slice.call(box.querySelectorAll("a[href^='#']")) : [];
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) return;
        links.forEach(function (a) { a.removeAttribute("aria-current"); });
        byId[entry.target.id].setAttribute("aria-current", "location");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) observer.observe(heading);
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.heading-link") : null;
    if (!link || !navigator.clipboard) return;
    var address = location.href.split("#")[0] + link.getAttribute("href");
    navigator.clipboard.writeText(address).then(function () {
      link.classList.add("copied");
      link.setAttribute("aria-label", "Link copied");
      setTimeout(function () {
        link.classList.remove("copied");
        link.setAttribute("aria-label", "Copy link to this section");
      }, 2000);
    }, function () {});
  });
})();
