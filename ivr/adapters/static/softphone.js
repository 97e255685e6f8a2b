/* The softphone page: a keypad and buttons over the JSON API of ivr/adapters/softphone.py.
 *
 * No framework and no network beyond this app.  Keys are collected the way
 * Twilio's <Gather> does (one key for menus; up to num_digits or the finishing
 * key, or a pause, for longer entries), so a call here takes the path a phone
 * call would.  Prompts are spoken with the browser's speech synthesis when it
 * exists and sound is on; everything also works without it (headless browsers).
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var API = "/phone/api";
  var KEY_PAUSE_MS = 3000;
  var ZOOM_STEP = 1.25;

  var callId = null;
  var gather = null;
  var buffer = "";
  var keyTimer = null;
  var muted = false;
  var queue = Promise.resolve();
  var lastState = null;
  var lastPath = [];
  var cases = {};
  var zoom = 0.75;
  var natural = null;

  try {
    JSON.parse($("cases-data").textContent).forEach(function (c) { cases[c.receipt] = c; });
  } catch (e) { /* no cases: the select is empty anyway */ }

  // --- talking to the app -----------------------------------------------------------

  var csrfToken = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { "Content-Type": "application/json", "X-CSRFToken": csrfToken } : {},
      credentials: "same-origin",
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || ("HTTP " + response.status)); }
        return data;
      });
    });
  }

  function send(body) {
    if (!callId) { return; }
    var id = callId;
    setBusy(true);
    queue = queue.then(function () {
      return api("POST", API + "/calls/" + id + "/input", body).then(render);
    }).catch(showError).then(function () { setBusy(false); });
  }

  function startCall() {
    var body = {
      trainee: $("trainee").value,
      language: $("language").value,
      clock: $("clock").value,
      "case": $("case").value,
      from: $("from").value,
      console: $("console-tiers") ? $("console-tiers").value : ""
    };
    $("log").innerHTML = "";
    $("summary").hidden = true;
    $("transcript").hidden = true;
    clearBuffer();
    setBusy(true);
    queue = queue.then(function () {
      return api("POST", API + "/calls", body).then(function (data) {
        callId = data.call_id;
        document.body.dataset.callId = callId;
        setCallState("active");
        render(data.turn);
      });
    }).catch(showError).then(function () { setBusy(false); });
  }

  // --- showing a turn -----------------------------------------------------------------

  function render(turn) {
    addLine("caller", describeInput(turn.input));
    if (turn.understood) { addLine("understood", turn.understood); }
    turn.prompts.forEach(function (prompt) { addLine("ivr", prompt.text, prompt.language, prompt.id); });
    (turn.effects || []).forEach(function (effect) { addLine("note", effect); });
    turn.notes.forEach(function (note) { addLine("note", note); });
    speak(turn.prompts);
    gather = turn.gather;
    lastState = turn.state;
    lastPath = turn.path || [];
    $("state").textContent = turn.state;
    var tier = $("tier");
    tier.textContent = { ivr: "IVR", tier1: "Tier 1", tier2: "Tier 2", supervisor: "Supervisor" }[turn.tier] || turn.tier;
    tier.className = "tier tier-" + turn.tier;
    $("listening").textContent = turn.ended ? "Call ended" : listeningText(gather);
    highlight(turn.state, lastPath);
    if (turn.ended) { ended(turn); }
  }

  function describeInput(input) {
    if (input.indexOf("call started") === 0) { return input.charAt(0).toUpperCase() + input.slice(1); }
    if (input.charAt(0) === "\"") { return "said " + input; }
    if (input.charAt(0) === "(") { return input; }
    return "pressed " + input;
  }

  function listeningText(g) {
    if (!g) { return "Not listening"; }
    var what = { dtmf: "keys", speech: "speech", "dtmf speech": "keys or speech" }[g.input] || g.input;
    if (g.num_digits && g.num_digits > 1) { what += ", " + g.num_digits + " digits"; }
    if (g.finish_on_key) { what += ", end with " + g.finish_on_key; }
    return "Listening for " + what;
  }

  function addLine(kind, text, language, promptId) {
    var item = document.createElement("li");
    item.className = "line " + kind;
    item.textContent = text;
    if (language) { item.lang = language; }
    if (promptId) { item.title = promptId; item.dataset.prompt = promptId; }
    $("log").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function showError(error) {
    addLine("error", "⚠ " + error.message);
  }

  function ended(turn) {
    setCallState("ended");
    gather = null;
    clearBuffer();
    if (turn.summary) { showSummary(turn.summary, turn.rehearsed || []); }
    loadTranscript(callId);
    loadCoverage(turn.rehearsed || []);
  }

  function showSummary(summary, rehearsed) {
    var box = $("summary");
    box.innerHTML = "";
    var rows = [
      ["Path", dedupe(summary.path).join(" › ")],
      ["Tiers", summary.tier_changes.length ? summary.tier_changes.map(function (c) {
        return c.from + " → " + c.to + " (" + c.reason.replace(/_/g, " ") + ")";
      }).join("; ") : "stayed in the IVR"],
      ["Service requests", summary.service_requests.join(", ") || "none"],
      ["Scripts heard", summary.scripts_heard.join(", ") || "none"],
      ["Changes", (summary.changes || []).join("; ") || "none"],
      ["Branches rehearsed", rehearsed.join(", ") || "none"]
    ];
    var title = document.createElement("h2");
    title.textContent = "Summary";
    box.appendChild(title);
    var list = document.createElement("dl");
    rows.forEach(function (row) {
      var dt = document.createElement("dt");
      dt.textContent = row[0];
      var dd = document.createElement("dd");
      dd.textContent = row[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  function dedupe(path) {
    return path.filter(function (name, i) { return i === 0 || path[i - 1] !== name; });
  }

  function loadTranscript(id) {
    api("GET", API + "/calls/" + id + "/transcript").then(function (data) {
      var steps = $("steps");
      steps.innerHTML = "";
      data.transcript.steps.forEach(function (step) {
        var item = document.createElement("li");
        var input = ["start", "press", "say", "silence", "hang_up", "resume"].filter(function (k) { return k in step; })[0];
        var head = document.createElement("div");
        head.className = "step-head";
        head.textContent = step.at.replace("T", " ").replace(/\.\d+/, "") + " · " + input +
          (step.press !== undefined ? " " + step.press : "") + (step.say !== undefined ? " “" + step.say + "”" : "") +
          " · " + step["in"] + " → " + step.state + " (" + step.tier + ")";
        item.appendChild(head);
        (step.heard || []).forEach(function (heard) {
          var line = document.createElement("div");
          line.className = "step-heard";
          line.textContent = heard.text;
          item.appendChild(line);
        });
        steps.appendChild(item);
      });
      $("download").href = API + "/calls/" + id + "/transcript?format=yaml";
      $("transcript").hidden = false;
    }).catch(showError);
  }

  // --- coverage ------------------------------------------------------------------------

  function loadCoverage(fresh) {
    var trainee = encodeURIComponent($("trainee").value || "trainee");
    api("GET", API + "/coverage?trainee=" + trainee).then(function (data) {
      $("coverage-count").textContent = data.done + " / " + data.total;
      var box = $("coverage");
      box.innerHTML = "";
      var group = null;
      var list = null;
      data.items.forEach(function (item) {
        if (item.group !== group) {
          group = item.group;
          var title = document.createElement("h3");
          title.textContent = group;
          box.appendChild(title);
          list = document.createElement("ul");
          box.appendChild(list);
        }
        var li = document.createElement("li");
        li.className = item.done ? "done" : "todo";
        if ((fresh || []).indexOf(item.id) >= 0) { li.className += " fresh"; }
        li.dataset.branch = item.id;
        li.textContent = (item.done ? "✓ " : "○ ") + item.label + (item.done ? "  ×" + item.count : "");
        list.appendChild(li);
      });
    }).catch(showError);
  }

  // --- the flow diagram ----------------------------------------------------------------------

  function loadFlow() {
    var box = $("flow");
    var overview = $("detail").getAttribute("aria-pressed") === "true";
    var url = box.dataset.src + (box.dataset.src.indexOf("?") >= 0 ? "&" : "?") + "overview=" + (overview ? "1" : "0");
    fetch(url).then(function (r) { return r.text(); }).then(function (svg) {
      box.innerHTML = svg;
      box.classList.add("loaded");
      var drawing = box.querySelector("svg");
      if (drawing) {
        var size = drawing.getBoundingClientRect();
        natural = { width: size.width, height: size.height };
        if (overview) { fitZoom(); } else { setZoom(zoom); }
      }
      if (lastState) { highlight(lastState, lastPath); }
    }).catch(showError);
  }

  function setZoom(value) {
    var drawing = $("flow").querySelector("svg");
    if (!drawing || !natural) { return; }
    zoom = Math.max(0.1, Math.min(3, value));
    drawing.style.width = Math.round(natural.width * zoom) + "px";
    drawing.style.height = Math.round(natural.height * zoom) + "px";
    if (lastState) { highlight(lastState, lastPath); }
  }

  function fitZoom() {
    if (!natural) { return; }
    setZoom(($("flow").clientWidth - 4) / natural.width);
  }

  function stateNode(name) {
    // A state's own box, else its topic's box in the overview (`biometrics.menu` -> `biometrics`).
    var base = name.replace(/\.confirm$/, "");
    return document.getElementById("state-" + base) || document.getElementById("state-" + base.split(".")[0]);
  }

  function highlight(state, path) {
    var box = $("flow");
    if (!box.querySelector("svg")) { return; }
    Array.prototype.forEach.call(box.querySelectorAll(".node.current, .node.visited"), function (node) {
      node.classList.remove("current");
      node.classList.remove("visited");
    });
    path.forEach(function (name) {
      var node = stateNode(name);
      if (node) { node.classList.add("visited"); }
    });
    var current = stateNode(state);
    if (!current) { return; }
    current.classList.add("current");
    var a = current.getBoundingClientRect();
    var b = box.getBoundingClientRect();
    box.scrollLeft += (a.left + a.width / 2) - (b.left + b.width / 2);
    box.scrollTop += (a.top + a.height / 2) - (b.top + b.height / 2);
  }

  // --- keys ------------------------------------------------------------------------------------

  function pressKey(key) {
    if (!callId || !gather || document.body.dataset.callState !== "active") { return; }
    flash(key);
    if (gather.num_digits === 1) { send({ digits: key }); return; }
    if (gather.finish_on_key && key === gather.finish_on_key) {
      var typed = buffer;
      clearBuffer();
      send(typed ? { digits: typed } : { silence: true });
      return;
    }
    buffer += key;
    $("buffer").textContent = buffer;
    if (gather.num_digits && buffer.length >= gather.num_digits) { flushKeys(); return; }
    clearTimeout(keyTimer);
    keyTimer = setTimeout(flushKeys, KEY_PAUSE_MS);
  }

  function flushKeys() {
    var typed = buffer;
    clearBuffer();
    if (typed) { send({ digits: typed }); }
  }

  function clearBuffer() {
    clearTimeout(keyTimer);
    buffer = "";
    $("buffer").textContent = "";
  }

  function flash(key) {
    var button = document.querySelector('.key[data-key="' + key + '"]');
    if (!button) { return; }
    button.classList.add("pressed");
    setTimeout(function () { button.classList.remove("pressed"); }, 150);
  }

  // --- speech synthesis ---------------------------------------------------------------------------

  function speak(prompts) {
    if (muted || !prompts.length || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
      return;
    }
    try {
      window.speechSynthesis.cancel();
      prompts.forEach(function (prompt) {
        var utterance = new window.SpeechSynthesisUtterance(prompt.text);
        utterance.lang = prompt.language === "es" ? "es-US" : "en-US";
        window.speechSynthesis.speak(utterance);
      });
    } catch (e) { /* no voice here: the text is on screen */ }
  }

  function setMuted(value) {
    muted = value;
    var button = $("mute");
    button.setAttribute("aria-pressed", String(muted));
    button.textContent = muted ? "Muted" : "Sound on";
    if (muted && "speechSynthesis" in window) {
      try { window.speechSynthesis.cancel(); } catch (e) { /* nothing to stop */ }
    }
  }

  // --- page state ------------------------------------------------------------------------------------

  function setCallState(value) {
    document.body.dataset.callState = value;
    var active = value === "active";
    Array.prototype.forEach.call(document.querySelectorAll(".key, #phrase, #say, #silence, #supervisor, #upset"), function (el) {
      el.disabled = !active;
    });
    $("hangup").disabled = !active;
    $("call").disabled = active;
    Array.prototype.forEach.call($("setup").elements, function (el) { el.disabled = active; });
  }

  function setBusy(value) {
    document.body.dataset.busy = value ? "yes" : "no";
  }

  function showCard() {
    var chosen = cases[$("case").value];
    var card = $("card");
    card.textContent = chosen ? chosen.card.join("\n") : "";
    card.hidden = !chosen;
  }

  // --- wiring ----------------------------------------------------------------------------------------

  $("call").addEventListener("click", startCall);
  $("hangup").addEventListener("click", function () { clearBuffer(); send({ hangup: true }); });
  $("mute").addEventListener("click", function () { setMuted(!muted); });
  $("silence").addEventListener("click", function () { clearBuffer(); send({ silence: true }); });
  $("supervisor").addEventListener("click", function () { send({ supervisor: true }); });
  $("upset").addEventListener("click", function () { send({ upset: true }); });
  $("case").addEventListener("change", showCard);
  $("zoom-in").addEventListener("click", function () { setZoom(zoom * ZOOM_STEP); });
  $("zoom-out").addEventListener("click", function () { setZoom(zoom / ZOOM_STEP); });
  $("zoom-fit").addEventListener("click", fitZoom);
  $("detail").addEventListener("click", function () {
    var overview = $("detail").getAttribute("aria-pressed") !== "true";
    $("detail").setAttribute("aria-pressed", String(overview));
    $("detail").textContent = overview ? "States" : "Topics";
    zoom = 0.75;
    loadFlow();
  });
  $("trainee").addEventListener("change", function () { loadCoverage([]); });
  $("speech").addEventListener("submit", function (event) {
    event.preventDefault();
    var phrase = $("phrase").value.trim();
    if (!phrase) { return; }
    $("phrase").value = "";
    clearBuffer();
    send({ speech: phrase });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".key"), function (button) {
    button.addEventListener("click", function () { pressKey(button.dataset.key); });
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if ("0123456789*#".indexOf(event.key) >= 0 && event.key.length === 1) {
      event.preventDefault();
      pressKey(event.key);
    } else if (event.key === "Enter" && buffer) {
      event.preventDefault();
      flushKeys();
    }
  });

  setCallState("idle");
  setBusy(false);
  showCard();
  loadFlow();
  loadCoverage([]);
}());
