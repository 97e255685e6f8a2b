/* Step through a recorded call: Previous/Next, the slider and the arrow keys move between the steps.
 *
 * The steps are the page's own JSON data (<script type="application/json" id="steps">): each has the
 * words to show and the diagram page and box of its state.  The page shows the first step without
 * this script; the script shows the others and highlights the state's box on its topic's drawing.
 */
(function () {
  "use strict";
  var steps = JSON.parse(document.getElementById("steps").textContent);
  var slider = document.getElementById("slider");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var diagram = document.getElementById("diagram");
  var index = 0;

  function paragraphs(id, texts, languages) {
    var box = document.getElementById(id);
    box.textContent = "";
    (texts.length ? texts : [null]).forEach(function (text, i) {
      var p = document.createElement("p");
      if (text === null) { p.className = "muted"; p.textContent = "Nothing."; } else { p.textContent = text; }
      if (text !== null && languages && languages[i]) { p.lang = languages[i]; }  // what the caller heard: the call's language
      box.appendChild(p);
    });
  }

  function highlight(step) {
    var shown = null;
    Array.prototype.forEach.call(diagram.querySelectorAll(".diagram-page"), function (page) {
      var here = page.dataset.page === step.page;
      page.hidden = !here;
      if (here) { shown = page; }
    });
    Array.prototype.forEach.call(diagram.querySelectorAll(".node.current"), function (n) { n.classList.remove("current"); });
    document.getElementById("topic").textContent = shown ? shown.dataset.title : "Not drawn on the diagram (a step the caller does not hear)";
    var box = shown && step.node ? shown.querySelector('[id="' + step.node + '"]') : null;
    if (box) {
      box.classList.add("current");
      var a = box.getBoundingClientRect();
      var b = diagram.getBoundingClientRect();
      diagram.scrollLeft += (a.left + a.width / 2) - (b.left + b.width / 2);
      diagram.scrollTop += (a.top + a.height / 2) - (b.top + b.height / 2);
    }
    document.body.dataset.highlighted = box ? step.node : "";
  }

  function show(i) {
    index = Math.max(0, Math.min(steps.length - 1, i));
    var step = steps[index];
    document.getElementById("number").textContent = String(step.n);
    document.getElementById("at").textContent = step.at;
    document.getElementById("did").textContent = step.did;
    document.getElementById("where").textContent = step.where;
    document.getElementById("tier").textContent = step.tier;
    paragraphs("heard", step.heard, step.heard_in);
    paragraphs("notes", step.notes);
    slider.value = String(index + 1);
    previous.disabled = index === 0;
    next.disabled = index === steps.length - 1;
    highlight(step);
    document.body.dataset.step = String(step.n);
  }

  previous.addEventListener("click", function () { show(index - 1); });
  next.addEventListener("click", function () { show(index + 1); });
  slider.addEventListener("input", function () { show(Number(slider.value) - 1); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "ArrowRight") { show(index + 1); event.preventDefault(); }
    if (event.key === "ArrowLeft") { show(index - 1); event.preventDefault(); }
  });
  Array.prototype.forEach.call(diagram.querySelectorAll("svg"), function (drawing) {
    drawing.removeAttribute("height");
    drawing.setAttribute("role", "img");
    drawing.setAttribute("aria-label", "The flow diagram, the call's step highlighted");
  });
  show(0);
})();
