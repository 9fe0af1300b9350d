/* litreview: small enhancements for the review site (our own code; the pages work without it).
 * - Citation cards: a first tap opens a mark's card (a second follows the link), a card stays open
 *   while the pointer moves onto it, Escape hides it, its arrows step to the source's other marks.
 * - The map lights up a node's links on hover and focus.
 * - Tables marked data-lr-sortable sort by a column; data-lr-filterable ones get a filter box.
 * - Accessibility fixes to the theme: the search dialog gets a name, scrolling tables a Tab stop, code blocks'
 *   copy buttons no navigation landmark each. */
(function () {
  "use strict";
  document.documentElement.classList.add("lr-js");

  function dismissCards(event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".lr-mark:hover, .lr-mark:focus-within, .lr-mark.lr-open").forEach(function (mark) {
      mark.classList.add("lr-card-dismissed");
      mark.classList.remove("lr-open");
    });
  }

  function closeOpen(except) {
    document.querySelectorAll(".lr-mark.lr-open").forEach(function (mark) {
      if (mark !== except) mark.classList.remove("lr-open");
    });
  }

  function openCard(mark) {
    closeOpen(mark);
    mark.classList.remove("lr-card-dismissed");
    mark.classList.add("lr-open");
    var card = mark.querySelector(".lr-card");
    if (card) keepInView(card);
  }

  // Touch screens have no hover: the first tap on a mark shows its card, the second follows the link.
  var lastPointer = "mouse";
  function notePointer(event) { lastPointer = event.pointerType || "mouse"; }
  function noteKey() { lastPointer = "keyboard"; }

  function onClick(event) {
    var target = event.target;
    var step = target.closest && target.closest("a.lr-card__go");
    if (step) {
      var cite = document.querySelector('a.lr-cite[aria-describedby="' + step.getAttribute("data-lr-card") + '"]');
      if (cite) {
        event.preventDefault();
        history.replaceState(null, "", step.getAttribute("href"));
        closeOpen(null);
        cite.focus();
        openCard(cite.closest(".lr-mark"));
      }
      return;
    }
    var link = target.closest && target.closest("a.lr-cite");
    if (link && (lastPointer === "touch" || lastPointer === "pen")) {
      var mark = link.closest(".lr-mark");
      if (!mark.classList.contains("lr-open")) {
        event.preventDefault();
        openCard(mark);
      }
      return;
    }
    if (!(target.closest && target.closest(".lr-card"))) closeOpen(null);
  }

  // A card stays open for a moment after the pointer leaves its mark, so the pointer can reach it.
  var closing = null;
  function onPointerOver(event) {
    if (event.pointerType && event.pointerType !== "mouse") return;
    var mark = event.target.closest && event.target.closest(".lr-mark");
    if (closing && mark && closing.mark === mark) { clearTimeout(closing.timer); closing = null; }
    if (mark && !mark.classList.contains("lr-open")) openCard(mark);
  }
  function onPointerOut(event) {
    if (event.pointerType && event.pointerType !== "mouse") return;
    var mark = event.target.closest && event.target.closest(".lr-mark");
    if (!mark || (event.relatedTarget && mark.contains(event.relatedTarget))) return;
    if (closing) clearTimeout(closing.timer);
    closing = {mark: mark, timer: setTimeout(function () { mark.classList.remove("lr-open"); closing = null; }, 400)};
  }

  // The map: a node's links and neighbours stand out while it is pointed at or focused.
  function lightUp(event) {
    var node = event.target.closest && event.target.closest(".lr-node");
    var svg = node && node.closest("svg.lr-graph");
    if (!svg) return;
    clearLight(svg);
    var id = node.getAttribute("data-n");
    if (!node.querySelector("title")) {
      // The tooltip: the node's name, written once in the page (its aria-label), made when first pointed at.
      var tip = document.createElementNS("http://www.w3.org/2000/svg", "title");
      var named = node.hasAttribute("aria-label") ? node : document.getElementById(node.getAttribute("aria-labelledby"));
      tip.textContent = (named && named.getAttribute("aria-label")) || "";
      node.insertBefore(tip, node.firstChild);
    }
    svg.classList.add("lr-focus");
    node.classList.add("lr-hl");
    svg.querySelectorAll('.lr-edge[data-a="' + id + '"], .lr-edge[data-b="' + id + '"]').forEach(function (edge) {
      edge.classList.add("lr-hl");
      var other = edge.getAttribute("data-a") === id ? edge.getAttribute("data-b") : edge.getAttribute("data-a");
      var peer = svg.querySelector('.lr-node[data-n="' + other + '"]');
      if (peer) peer.classList.add("lr-hl");
    });
  }
  function clearLight(svg) {
    svg.classList.remove("lr-focus");
    svg.querySelectorAll(".lr-hl").forEach(function (el) { el.classList.remove("lr-hl"); });
  }
  function unLight(event) {
    var svg = event.target.closest && event.target.closest("svg.lr-graph");
    if (svg && !(event.relatedTarget && svg.contains(event.relatedTarget))) clearLight(svg);
  }

  // Run once the theme has built the page (its document$ fires after its scripts wrapped tables and gave code
  // blocks their buttons, and again after each instant page change), and when the width changes.
  function fixTheme() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", document.body.getAttribute("data-lr-search") || "Search");
    }
    // A code block's copy button sits in a <nav>: one unnamed navigation landmark per block, none of which
    // navigates; as a plain box the button is still reached in its place.
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    // A table wider than the page scrolls in its box, which a keyboard reaches only with a Tab stop. A group,
    // not a region: several tables of one name would be landmarks no screen reader's list tells apart.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
        box.setAttribute("data-lr-scroll", "");
      } else if (!scrolls && box.hasAttribute("data-lr-scroll") && document.activeElement !== box) {
        ["tabindex", "role", "aria-label", "data-lr-scroll"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
    // A display formula wider than the page scrolls in its own box (litreview.css) and needs a Tab stop too; it
    // keeps its role and name (MathML's, its TeX as alttext).
    document.querySelectorAll('math[display="block"]').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-lr-scroll", "");
      } else if (!scrolls && box.hasAttribute("data-lr-scroll") && document.activeElement !== box) {
        ["tabindex", "data-lr-scroll"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  var resizing = null;
  function onResize() {
    if (resizing) clearTimeout(resizing);
    resizing = setTimeout(function () { resizing = null; fixTheme(); }, 150);
  }

  function restoreCard(event) {
    var mark = event.target.closest && event.target.closest(".lr-mark");
    if (!mark) return;
    mark.classList.remove("lr-card-dismissed");
    var card = mark.querySelector(".lr-card");
    if (card) keepInView(card);
  }

  // Cards open below their mark, to the right; shift one left when it would leave the
  // window (clientWidth: the scroll bar is not room), and open it above the mark when
  // there is no room below but room above (under the sticky header there is none).
  function keepInView(card) {
    var margin = 8;
    card.style.left = "0px";
    card.classList.remove("lr-card--above");
    var rect = card.getBoundingClientRect();
    if (!rect.width) return;
    var width = document.documentElement.clientWidth;
    var shift = Math.min(0, width - margin - rect.right);
    if (rect.left + shift < margin) shift = margin - rect.left;
    card.style.left = shift + "px";
    if (rect.bottom > window.innerHeight - margin) {
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var mark = card.parentNode.getBoundingClientRect();
      if (mark.top - rect.height - margin > top) card.classList.add("lr-card--above");
    }
  }

  function cellValue(row, column) {
    var cell = row.cells[column];
    if (!cell) return "";
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim().toLowerCase() : value;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var numeric = rows.every(function (row) {
      var value = cellValue(row, column);
      return value === "" || !isNaN(Number(value));
    });
    rows.sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lr-sort";
      button.textContent = header.textContent;
      button.setAttribute("aria-label", "Sort by " + header.textContent);
      button.addEventListener("click", function () { sortBy(table, column, header); });
      header.textContent = "";
      header.appendChild(button);
    });
  }

  function makeFilterable(table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var label = document.createElement("label");
    label.className = "lr-filter";
    label.textContent = "Filter sources:";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "author, title, year, status…";
    label.appendChild(input);
    var status = document.createElement("span");
    status.className = "lr-small";
    status.setAttribute("aria-live", "polite");
    label.appendChild(document.createTextNode(" "));
    label.appendChild(status);
    var wrap = table.closest(".lr-table-wrap") || table;
    wrap.parentNode.insertBefore(label, wrap);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = words.length ? shown + " of " + rows.length + " shown" : "";
    });
  }

  function init() {
    document.addEventListener("keydown", dismissCards);
    document.addEventListener("focusin", restoreCard);
    document.addEventListener("mouseover", restoreCard);
    document.addEventListener("pointerdown", notePointer, true);
    document.addEventListener("keydown", noteKey, true);
    document.addEventListener("click", onClick);
    document.addEventListener("pointerover", onPointerOver);
    document.addEventListener("pointerout", onPointerOut);
    document.addEventListener("mouseover", lightUp);
    document.addEventListener("focusin", lightUp);
    document.addEventListener("mouseout", unLight);
    document.addEventListener("focusout", unLight);
    window.addEventListener("resize", onResize);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fixTheme);
    } else {
      fixTheme();
    }
    document.querySelectorAll("table[data-lr-sortable]").forEach(makeSortable);
    document.querySelectorAll("table[data-lr-filterable]").forEach(makeFilterable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
