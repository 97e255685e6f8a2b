/* The flow diagram of the softphone page: one page per topic, the overview, the author's drawing.
 *
 * FlowDiagram.show(state, path) highlights where the call is; with "Follow the call"
 * on it turns to the page that state is drawn on.  Drawings come from
 * /phone/api/flow/<page>.svg; each is fitted to the box's width (zoom buttons
 * enlarge it, the box then scrolls), so it is usable on a phone too.
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var box = $("flow");
  var select = $("page");
  var follow = $("follow");
  var author = $("author");
  var pages = [];
  var current = { state: null, path: [] };
  var zoom = 1;
  var shown = null;

  function pageUrl(id) { return box.dataset.page.replace("PAGE", encodeURIComponent(id)); }

  function pageOf(state) {
    var base = (state || "").replace(/\.confirm$/, "");
    for (var i = 0; i < pages.length; i++) {
      if (pages[i].states.indexOf(base) >= 0) { return pages[i].id; }
    }
    return null;
  }

  function load(id) {
    if (author && author.checked) { id = "author"; }
    if (id === shown) { mark(); return; }
    shown = id;
    box.setAttribute("aria-busy", "true");
    fetch(pageUrl(id), { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.text();
    }).then(function (svg) {
      if (shown !== id) { return; }
      box.innerHTML = svg;
      box.dataset.shown = id;
      var drawing = box.querySelector("svg");
      if (drawing) {
        drawing.removeAttribute("width");
        drawing.removeAttribute("height");
        drawing.setAttribute("role", "img");
        drawing.setAttribute("aria-label", select.options[select.selectedIndex] ? select.options[select.selectedIndex].text : "Flow");
      }
      setZoom(id === "author" ? 3 : 1);
      mark();
      box.setAttribute("aria-busy", "false");
      document.body.dataset.diagram = id;
    }).catch(function () { box.setAttribute("aria-busy", "false"); });
  }

  function setZoom(value) {
    zoom = Math.max(1, Math.min(8, value));
    var drawing = box.querySelector("svg");
    if (drawing) { drawing.style.width = (zoom * 100) + "%"; }
    mark();
  }

  function node(name) {
    var base = (name || "").replace(/\.confirm$/, "");
    return document.getElementById("state-" + base) || document.getElementById("state-" + base.split(".")[0]);
  }

  function mark() {
    Array.prototype.forEach.call(box.querySelectorAll(".node.current, .node.visited"), function (n) {
      n.classList.remove("current");
      n.classList.remove("visited");
    });
    current.path.forEach(function (name) { var n = node(name); if (n) { n.classList.add("visited"); } });
    var here = node(current.state);
    if (!here) { return; }
    here.classList.remove("visited");
    here.classList.add("current");
    var a = here.getBoundingClientRect();
    var b = box.getBoundingClientRect();
    box.scrollLeft += (a.left + a.width / 2) - (b.left + b.width / 2);
    box.scrollTop += (a.top + a.height / 2) - (b.top + b.height / 2);
  }

  function show(state, path) {
    current = { state: state, path: path || [] };
    var page = pageOf(state);
    if (follow.checked && page && !(author && author.checked)) {
      select.value = page;
      load(page);
    } else {
      mark();
    }
  }

  fetch(box.dataset.pages, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
    pages = data.pages;
    pages.forEach(function (p) {
      var option = document.createElement("option");
      option.value = p.id;
      option.textContent = p.title;
      select.appendChild(option);
    });
    load(current.state && pageOf(current.state) ? pageOf(current.state) : "overview");
    if (current.state) { show(current.state, current.path); }
  });

  select.addEventListener("change", function () { follow.checked = false; load(select.value); });
  follow.addEventListener("change", function () { if (follow.checked) { show(current.state, current.path); } });
  if (author) {
    author.addEventListener("change", function () {
      document.body.classList.toggle("author-view", author.checked);
      shown = null;
      load(author.checked ? "author" : select.value);
    });
  }
  $("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.5); });
  $("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.5); });
  $("zoom-fit").addEventListener("click", function () { setZoom(1); });

  window.FlowDiagram = { show: show };
}());
