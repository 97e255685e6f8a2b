/* The agent console page: a seat, its queue, the accepted call's hand-off and the seat's actions.
 *
 * Everything goes through the console room's JSON API; the queue and the call
 * are followed with server-sent events, so what the caller says and what the
 * call says appear within a second.  The seat's actions are shown only when the
 * engine allows them (the API lists them); the engine refuses anything else.
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var API = "/console/api";
  var csrfToken = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var seat = null;
  var queueSource = null;
  var callId = null;
  var callSource = null;
  var scripts = [];

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      headers: method === "GET" ? {} : { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
      credentials: "same-origin",
      body: method === "GET" ? undefined : JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || ("HTTP " + response.status)); }
        return data;
      });
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  // --- the seat and its queue ------------------------------------------------------------

  function chosenSeat() {
    var checked = document.querySelector('input[name="seat"]:checked');
    return checked ? checked.value : "tier1";
  }

  function setAvailable(on) {
    if (queueSource) { queueSource.close(); queueSource = null; }
    var button = $("available");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "Go unavailable" : "Go available";
    seat = on ? chosenSeat() : null;
    try { window.sessionStorage.setItem("ivr.console.seat", seat || ""); } catch (e) { /* storage off: no memory */ }
    $("seat-status").textContent = on ? "Available at the " + seatLabel(seat) + " seat." : "You are not available.";
    if (!on) { renderQueue(null); return; }
    queueSource = new EventSource(API + "/queue/events?seat=" + encodeURIComponent(seat));
    queueSource.addEventListener("queue", function (event) { renderQueue(JSON.parse(event.data).waiting); });
    queueSource.addEventListener("error", function () {
      if (queueSource && queueSource.readyState === EventSource.CLOSED) {  // refused (signed out): no more calls come
        $("seat-status").textContent = "Not receiving calls: you may have been signed out. Reload the page.";
      }
    });
  }

  function seatLabel(value) {
    var input = document.querySelector('input[name="seat"][value="' + value + '"]');
    return input ? input.parentNode.textContent.trim() : value;
  }

  function renderQueue(waiting) {
    var list = $("queue");
    var focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.dataset.call : null;
    list.innerHTML = "";
    if (waiting === null) { list.appendChild(el("li", "Go available to see the queue.", "muted")); return; }
    if (!waiting.length) { list.appendChild(el("li", "No calls waiting.", "muted")); return; }
    waiting.forEach(function (call) {
      var item = el("li");
      var lang = call.language === "es" ? "Spanish" : "English";
      item.appendChild(el("span", lang + " caller, waiting since " + call.queued_at.slice(11, 19) + (call.scenario ? " (practice)" : "")));
      var accept = el("button", "Accept", "primary");
      accept.type = "button";
      accept.dataset.call = call.call_sid;
      accept.addEventListener("click", function () { acceptCall(call.call_sid); });
      item.appendChild(accept);
      list.appendChild(item);
      if (call.call_sid === focused) { accept.focus(); }  // a redrawn queue keeps a keyboard user's place
    });
  }

  function acceptCall(id) {
    api("POST", API + "/calls/" + id + "/actions", { action: "accept", seat: seat })
      .then(function () { openCall(id); $("call-title").focus(); })  // the accepted Accept button is gone: go to the call
      .catch(showRefusal);
  }

  // --- the call ----------------------------------------------------------------------------

  function openCall(id) {
    callId = id;
    $("call").hidden = false;
    $("timeline").innerHTML = "";
    $("scorecard").hidden = true;
    if (callSource) { callSource.close(); }
    callSource = new EventSource(API + "/calls/" + encodeURIComponent(id) + "/events");
    callSource.addEventListener("said", function (event) {
      var data = JSON.parse(event.data);
      data.lines.forEach(addLine);
      refresh();
    });
    callSource.addEventListener("error", function () {
      if (callSource && callSource.readyState === EventSource.CLOSED) {
        showRefusal(new Error("This call's updates stopped: you may have been signed out. Reload the page."));
      }
    });
    refresh();
  }

  function refresh() {
    if (!callId) { return; }
    api("GET", API + "/calls/" + callId).then(renderCall).catch(showRefusal);
  }

  function renderCall(data) {
    renderHandoff(data.handoff);
    $("call-status").textContent = data.handoff.ended ? "ended" : data.handoff.status;
    var allowed = data.allowed || [];
    $("actions").hidden = !allowed.length;
    document.querySelectorAll("#actions [data-action]").forEach(function (node) {
      node.hidden = allowed.indexOf(node.dataset.action) < 0;
    });
    document.querySelectorAll("#actions [data-group]").forEach(function (group) {
      group.hidden = !group.querySelector("[data-action]:not([hidden])");
    });
    if (data.scripts && data.scripts.length && !scripts.length) { scripts = data.scripts; renderScripts(); }
    if (!allowed.length) { scripts = []; }
    if (data.card) { renderCard(data.card); }
    renderModel(data.model || []);
  }

  function renderModel(steps) {
    $("model").hidden = !steps.length;
    var list = $("model-steps");
    list.innerHTML = "";
    steps.forEach(function (step) { list.appendChild(el("li", step)); });
  }

  function renderHandoff(h) {
    var box = $("handoff");
    box.innerHTML = "";
    var list = el("dl");
    function row(term, value, className) {
      list.appendChild(el("dt", term));
      list.appendChild(el("dd", value, className));
    }
    if (h.scenario) { row("Practice", h.scenario.title); }
    row("Seat", seatLabel(h.tier));
    row("Language", h.language);
    row("Identity", h.verified ? "Verified (" + h.receipt + ")" : "Not verified");
    if (h.representative) { row("Caller", "representative: " + h.representative); }
    if (h.locked) { row("Lock", "Locked: " + h.lock + " (" + h.failed_verifications + " failed on this call)", "lock"); }
    row("Why transferred", h.reason + (h.note ? " — “" + h.note + "”" : "") + (h.from_agent ? " (from " + h.from_agent + ")" : ""));
    row("Path", h.path.join(" → ") || "—");
    row("Caller entered", h.entered.map(function (e) { return e.kind + " " + e.value; }).join("; ") || "—");
    row("Scripts heard", h.scripts_heard.map(function (s) { return s.label + " (" + s.ref + ")"; }).join("; ") || "none");
    row("Open service requests", h.service_requests.map(function (r) { return r.reference + " " + r.type + " (" + r.created + ")"; }).join("; ") || "none");
    box.appendChild(list);
  }

  function addLine(line) {
    var text = line.who === "caller" ? "Caller: " + line.text : line.who === "refused" ? "Refused: " + line.text : line.text;
    var item = el("li", text, line.who);
    if (line.id) { item.dataset.prompt = line.id; }
    $("timeline").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function renderScripts() {
    var query = $("script-search").value.trim().toLowerCase();
    var box = $("scripts");
    box.innerHTML = "";
    var topic = null;
    scripts.forEach(function (s) {
      var haystack = (s.label + " " + s.text + " " + s.topic + " " + s.id).toLowerCase();
      if (query && haystack.indexOf(query) < 0) { return; }
      if (s.topic !== topic) { topic = s.topic; box.appendChild(el("h4", topic.replace(/_/g, " "))); }
      var button = el("button");
      button.type = "button";
      button.dataset.ref = s.ref;
      button.appendChild(document.createTextNode(s.label));
      button.appendChild(el("small", s.ref));
      button.addEventListener("click", function () { act({ action: "read_script", ref: s.ref }); });
      box.appendChild(button);
    });
    if (!box.children.length) { box.appendChild(el("p", "No script matches.", "muted")); }
  }

  function renderCard(card) {
    var appearing = $("scorecard").hidden;
    $("scorecard").hidden = false;
    if (appearing) { $("card-title").focus(); }  // keyboard and screen-reader users land on their score
    $("card-points").textContent = card.points + " / " + card.total;
    var body = $("card-lines");
    body.innerHTML = "";
    card.lines.forEach(function (line) {
      var row = el("tr");
      row.appendChild(el("td", line.rule.replace(/_/g, " ")));
      row.appendChild(el("td", line.passed ? "✓ kept" : "✗ broken", line.passed ? "ok" : "broken"));
      row.appendChild(el("td", line.detail));
      var source = el("td", line.source);
      source.title = line.quote;
      row.appendChild(source);
      body.appendChild(row);
    });
  }

  // --- actions -----------------------------------------------------------------------------

  function act(body) {
    if (!callId) { return; }
    $("refused").hidden = true;
    api("POST", API + "/calls/" + callId + "/actions", body).then(function (data) {
      if (data.card) { renderCard(data.card); }
      refresh();
    }).catch(showRefusal);
  }

  function showRefusal(error) {
    $("refused").hidden = false;
    $("call").hidden = false;
    $("refused").textContent = error.message;
  }

  function onSubmit(id, build) {
    $(id).addEventListener("submit", function (event) { event.preventDefault(); act(build()); });
  }

  document.querySelectorAll("#actions button[data-action]").forEach(function (button) {
    button.addEventListener("click", function () { act({ action: button.dataset.action }); });
  });
  $("book").addEventListener("click", function () { act({ action: "book_appointment", choice: Number($("book-choice").value) }); });
  onSubmit("verify-form", function () { return { action: "verify_identity", receipt: $("verify-receipt").value, date_of_birth: $("verify-dob").value }; });
  onSubmit("cause-form", function () { return { action: "decide_good_cause", cause: $("cause").value }; });
  onSubmit("sr-form", function () { return { action: "create_service_request", sr_type: $("sr-type").value, content: $("sr-content").value }; });
  onSubmit("free-form", function () { return { action: "free_answer", text: $("free-text").value }; });
  onSubmit("tier2-form", function () { return { action: "transfer_tier2", reason: $("tier2-reason").value }; });
  onSubmit("supervisor-form", function () { return { action: "route_supervisor", reason: $("supervisor-reason").value }; });
  $("script-search").addEventListener("input", renderScripts);
  $("available").addEventListener("click", function () { setAvailable(seat === null); });
  document.querySelectorAll('input[name="seat"]').forEach(function (input) {
    input.addEventListener("change", function () { if (seat !== null) { setAvailable(true); } });
  });
  // A reload (or a second tab) reopens the call this trainee holds: it is still theirs to answer.
  var held = $("console").dataset;
  var remembered = "";
  try { remembered = window.sessionStorage.getItem("ivr.console.seat") || ""; } catch (e) { /* storage off */ }
  if (held.heldCall || remembered) {  // a reload keeps the seat this tab was available at
    var again = document.querySelector('input[name="seat"][value="' + (held.heldSeat || remembered) + '"]');
    if (again) { again.checked = true; }
    setAvailable(true);
    if (held.heldCall) { openCall(held.heldCall); }
  }
  $("ring").addEventListener("click", function () {
    var option = $("scenario").selectedOptions[0];
    if (!option) { return; }
    var radio = document.querySelector('input[name="seat"][value="' + option.dataset.seat + '"]');
    if (radio) { radio.checked = true; }
    setAvailable(true);
    api("POST", API + "/scenarios/" + encodeURIComponent(option.value) + "/calls").catch(showRefusal);
  });
})();
