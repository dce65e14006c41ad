/* The search box: Pagefind's UI (results as you type, highlighted excerpts,
   sub-results that deep-link to sections, type/tag/region filters), plus typo
   correction. Pagefind finds words and prefixes but does not correct spelling,
   so when a typed word is in no indexed page, it is replaced by the closest word
   of _search/terms.json (the words of this build's searchable pages) or by its
   synonym, and the box says so. No request leaves the site. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof window.PagefindUI !== "function") return;

  var absolute = function (url) { return new URL(url, document.baseURI).href; };
  var terms = null;        // {words: [...most frequent first], synonyms: {word: [phrases]}}
  var known = null;        // Set of terms.words
  var note = document.createElement("p");
  note.className = "kc-search-note";
  note.setAttribute("role", "status");

  var stop = new Set();     // question and stop words (kc search drops them too)
  var frequency = new Map(); // word -> its place in terms.words (0: the most frequent)
  var loading = null;
  function loadTerms() {
    loading = loading || fetch(absolute(box.dataset.terms)).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data && Array.isArray(data.words)) {
        terms = data; known = new Set(data.words); stop = new Set(data.stop || []);
        data.words.forEach(function (word, index) { frequency.set(word, index); });
      }
    }).catch(function () { /* no word list: search still works, without corrections */ });
    return loading;
  }

  function maxDistance(word) { return word.length <= 4 ? 0 : word.length <= 7 ? 1 : 2; }

  /* Damerau-Levenshtein distance, giving up above `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) { rows.push([i]); }
    for (var j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var best = limit + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (best > limit) return limit + 1;
    }
    return rows[a.length][b.length];
  }

  /* The closest known word; on a tie the more frequent one (words come sorted so). */
  function closest(word) {
    var limit = maxDistance(word), found = null, foundDistance = limit + 1;
    for (var i = 0; i < terms.words.length && foundDistance > 1; i++) {
      var candidate = terms.words[i];
      if (candidate[0] !== word[0]) continue;
      var d = distance(word, candidate, limit);
      if (d < foundDistance) { found = candidate; foundDistance = d; }
    }
    return found;
  }

  function isKnown(word, last) {
    if (known.has(word)) return true;
    if (!last) return false;
    for (var i = 0; i < terms.words.length; i++) {      // still typing: a prefix is fine
      if (terms.words[i].lastIndexOf(word, 0) === 0) return true;
    }
    return false;
  }

  function correct(term) {
    note.textContent = "";
    if (!terms) return term;
    var parts = term.split(/(\s+)/), changed = false;
    var lastWord = parts.length - 1;
    var fixed = parts.map(function (part, index) {
      var word = part.toLowerCase();
      if (!/^[a-z][a-z'-]{2,}$/.test(word) || isKnown(word, index === lastWord)) return part;
      var replacement = (terms.synonyms[word] || [])[0] || closest(word);
      if (!replacement) return part;
      changed = true;
      return replacement;
    }).join("");
    if (changed) note.textContent = "No page has \u201c" + term.trim() + "\u201d \u2014 showing results for \u201c" + fixed.trim() + "\u201d.";
    return essentials(fixed);
  }

  /* Pagefind wants every word of a query in a page, so a typed question ("what happens
     when someone posts my address") finds nothing. Like kc search, keep the words that
     carry the subject: question and stop words go, and so do words no page has, as long
     as some word is left. */
  function essentials(term) {
    if (!terms) return term;
    var words = term.trim().split(/\s+/);
    if (words.length < 2 || /["()*]|\b(AND|OR|NOT)\b/.test(term)) return term;
    var subject = words.filter(function (word) { return !stop.has(word.toLowerCase()); });
    if (!subject.length) return term;
    var last = words[words.length - 1];
    var indexed = subject.filter(function (word) {
      return isKnown(word.toLowerCase().replace(/[^a-z0-9'-]/g, ""), word === last);
    });
    return (indexed.length ? indexed : subject).join(" ");
  }

  /* Pagefind shows only pages that have every word, so a question whose words are never
     all on one page finds nothing, where kc search (any word, best first) answers it. Then
     the word most pages share is dropped, one at a time, until some page has the rest
     ("fake account pretending" -> "fake pretending"), and the box says so. */
  var engine = null;
  function pagefind() {
    engine = engine || import(absolute(box.dataset.bundle) + "pagefind.js");
    return engine;
  }
  function widen(term) {
    var words = term.trim().split(/\s+/);
    if (!terms || words.length < 2 || /["()*]|\b(AND|OR|NOT)\b/.test(term)) return Promise.resolve(term);
    var rank = function (word) {      // terms.words is most frequent first; unknown words are rare
      var at = frequency.get(word.toLowerCase());
      return at === undefined ? Infinity : at;
    };
    return pagefind().then(function (api) {
      function attempt(kept) {
        return api.search(kept.join(" ")).then(function (found) {
          if (found.results.length || kept.length < 2) return found.results.length ? kept.join(" ") : term;
          var common = 0;
          kept.forEach(function (word, index) { if (rank(word) < rank(kept[common])) common = index; });
          return attempt(kept.filter(function (_word, index) { return index !== common; }));
        });
      }
      return attempt(words);
    }).catch(function () { return term; });
  }
  function narrowedNote(typed, searched) {
    note.textContent = "No page has all of \u201c" + typed.trim() + "\u201d \u2014 showing results for \u201c" + searched + "\u201d.";
  }
  window.kcSearchTerm = function (term) {
    return loadTerms().then(function () { return widen(correct(term)); });
  };

  /* Each result says what it is (Policy, Playbook, Training, FAQ, Newsletter, Team;
     "Deprecated" where it matters), and excerpts lose footnote markers ([1], ↩). */
  function clean(text) { return (text || "").replace(/\s*\[\d+\]|\u21a9\ufe0e?/g, ""); }
  function labelled(result) {
    var kind = result.meta && result.meta.kind;
    if (kind) result.meta.title = kind + " \u00b7 " + (result.meta.title || "");
    result.excerpt = clean(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = clean(sub.excerpt); });
    return result;
  }

  function mount(element, extra) {
    var widened = new Map();   // a term no page has all of -> the fewer words that find pages
    var latest = "";
    function processTerm(term) {
      var fixed = correct(term);
      latest = fixed;
      if (widened.has(fixed)) {
        narrowedNote(term, widened.get(fixed));
        return widened.get(fixed);
      }
      widen(fixed).then(function (wider) {
        if (wider === fixed || latest !== fixed) return;
        widened.set(fixed, wider);
        ui.triggerFilters(chosenFilters(element));    // search again, same words and filters
      });
      return fixed;
    }
    var ui = new window.PagefindUI(Object.assign({
      element: "#" + element.id,
      bundlePath: absolute(element.dataset.bundle),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      excerptLength: 24,
      debounceTimeoutMs: 150,
      processTerm: processTerm,
      processResult: labelled,
      translations: { placeholder: "Search policies, playbooks, FAQs, teams\u2026",
                      search_label: "Search the knowledge center" }
    }, extra || {}));
    var input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", "Search the knowledge center");
    element.addEventListener("focusin", loadTerms, { once: true });
    collapsibleFilters(element);
    return { ui: ui, input: input };
  }

  function chosenFilters(element) {
    var chosen = {};
    element.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").forEach(function (checkbox) {
      (chosen[checkbox.name] = chosen[checkbox.name] || []).push(checkbox.value);
    });
    return chosen;
  }

  /* On phones the filters fold behind a "Filters" button above the results, so the
     results come first (search.css hides the panel and shows the button under 760px). */
  function collapsibleFilters(element) {
    var drawer = element.querySelector(".pagefind-ui__drawer");
    if (!drawer) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kc-search-filters-toggle";
    button.setAttribute("aria-expanded", "false");
    drawer.insertBefore(button, drawer.firstChild);
    function update() {
      var panel = drawer.querySelector(".pagefind-ui__filter-panel");
      var chosen = element.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").length;
      var label = chosen ? "Filters (" + chosen + " chosen)" : "Filters";
      if (button.textContent !== label) button.textContent = label;
      if (panel && !panel.id) panel.id = element.id + "-filters";
      if (panel) button.setAttribute("aria-controls", panel.id); else button.removeAttribute("aria-controls");
      button.hidden = !panel;
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      element.classList.toggle("kc-filters-open", open);
    });
    element.addEventListener("change", update);
    new MutationObserver(update).observe(drawer, { childList: true, subtree: true });
    update();
  }

  /* On the results page the header's box moves into the page, results under it. */
  var page = document.getElementById("search-page");
  if (page) page.appendChild(box);
  var header = mount(box);
  var form = box.querySelector("form");          // Pagefind's form carries role="search"
  if (form) form.insertAdjacentElement("afterend", note);

  /* Enter opens the results page, search/?q=…, which can be bookmarked and shared. */
  if (header.input && !page) {
    header.input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !header.input.value.trim()) return;
      event.preventDefault();
      window.location.href = absolute(box.dataset.page) + "?q=" + encodeURIComponent(header.input.value.trim());
    });
  }

  /* The results page: query and filters from the URL (?q=…&type=Policy&tag=…&region=…),
     and the URL kept in step with what is typed and the filters chosen, so a copied
     link shows the same results. */
  if (page) {
    var main = header;
    var FILTERS = ["type", "tag", "region"];
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FILTERS.forEach(function (name) {
      var values = params.getAll(name);
      if (values.length) filters[name] = values;
    });
    if (Object.keys(filters).length) main.ui.triggerFilters(filters);
    if (params.get("q")) main.ui.triggerSearch(params.get("q"));
    var remember = function (change) {
      var next = new URLSearchParams(window.location.search);
      change(next);
      window.history.replaceState(null, "", "?" + next.toString());
    };
    if (main.input) {
      main.input.addEventListener("input", function () {
        remember(function (next) {
          if (main.input.value.trim()) next.set("q", main.input.value.trim()); else next.delete("q");
        });
      });
    }
    box.addEventListener("change", function (event) {
      if (!event.target.classList.contains("pagefind-ui__filter-checkbox")) return;
      remember(function (next) {
        FILTERS.forEach(function (name) { next.delete(name); });
        box.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").forEach(function (checkbox) {
          if (FILTERS.indexOf(checkbox.name) >= 0) next.append(checkbox.name, checkbox.value);
        });
      });
    });
  }

  /* "/" or Ctrl-K (Cmd-K) from anywhere focuses the search box. */
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    var slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    var ctrlK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if (!slash && !ctrlK) return;
    var target = header.input;
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  });

  /* Escape closes the results and returns to the box. */
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var clear = box.querySelector(".pagefind-ui__search-clear");
    if (clear) clear.click();
    var input = box.querySelector("input[type=text], input[type=search]");
    if (input) input.focus();
  });
})();
