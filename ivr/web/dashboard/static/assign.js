/* The trainee page's assignment form: "tick all" ticks every branch of one group. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("#assign .pick-group"), function (button) {
    button.addEventListener("click", function () {
      var boxes = button.closest("fieldset").querySelectorAll("input[type=checkbox]");
      var all = Array.prototype.every.call(boxes, function (box) { return box.checked; });
      Array.prototype.forEach.call(boxes, function (box) { box.checked = !all; });
    });
  });
}());
