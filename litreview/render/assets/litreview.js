/* litreview: small enhancements for the review site (our own code; the pages work without it).
 * - Escape hides the citation card under the pointer or the keyboard focus.
 * - Tables marked data-lr-sortable sort by a column; data-lr-filterable ones get a filter box. */
(function () {
  "use strict";
  document.documentElement.classList.add("lr-js");

  function dismissCards(event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".lr-mark:hover, .lr-mark:focus-within").forEach(function (mark) {
      mark.classList.add("lr-card-dismissed");
    });
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
    document.querySelectorAll("table[data-lr-sortable]").forEach(makeSortable);
    document.querySelectorAll("table[data-lr-filterable]").forEach(makeFilterable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
