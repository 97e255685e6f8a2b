/* The softphone page: a keypad, speech and buttons over the JSON API of ivr/web/softphone.
 *
 * No framework and no network beyond this app.  Keys are collected the way
 * Twilio's <Gather> does (one key for menus; up to num_digits or the finishing
 * key, or a pause, for longer entries).  Nothing typed is lost: keys still
 * waiting are sent before a phrase, a silence or a hang-up, in the order
 * typed, through one queue.  Prompts are spoken by the browser when sound is
 * on; everything works without it.  The diagram is diagram.js's.
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var API = "/phone/api";
  var KEY_PAUSE_MS = 3000;
  // The page's own words, in its reader's language (ivr/web/softphone/words.py); the call's words keep the call's.
  var W = {};
  try { W = JSON.parse($("ui-words").textContent); } catch (e) { /* the template always has them */ }
  var word = function (key, values) {
    return (W[key] || key).replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  };

  var callId = null;
  var gather = null;
  var buffer = "";
  var keyTimer = null;
  var muted = false;
  var queue = Promise.resolve();
  var hangingUp = false;  // this side hung up: the console's "ended" news is about that, not the agent
  var cases = {};
  var csrfToken = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  try {
    JSON.parse($("cases-data").textContent).forEach(function (c) { cases[c.receipt] = c; });
  } catch (e) { /* no cases: the select is empty anyway */ }

  // --- talking to the app -----------------------------------------------------------

  function api(method, url, body) {
    var headers = { "Accept": "application/json" };
    if (body) { headers["Content-Type"] = "application/json"; headers["X-CSRFToken"] = csrfToken; }
    return fetch(url, {
      method: method, headers: headers, credentials: "same-origin",
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 401) { throw new Error(word("signed_out")); }
        if (!response.ok) { throw new Error(data.error || ("HTTP " + response.status)); }
        return data;
      });
    });
  }

  function enqueue(work) {
    setBusy(true);
    queue = queue.then(work).catch(showError).then(function () { setBusy(false); });
    return queue;
  }

  function send(body) {
    if (!callId) { return; }
    var id = callId;
    enqueue(function () { return api("POST", API + "/calls/" + id + "/input", body).then(render); });
  }

  function startCall() {
    var body = {
      language: $("language").value, date: $("date").value, time: $("time").value, zone: $("zone").value,
      "case": $("case").value, from: $("from").value,
      console: $("console-tiers") ? $("console-tiers").value : ""
    };
    clearBuffer();
    enqueue(function () {
      return api("POST", API + "/calls", body).then(function (data) {
        // only now is the last call's log replaced: a refused start keeps it on screen
        $("log").innerHTML = "";
        $("summary").hidden = true;
        $("transcript").hidden = true;
        callId = data.call_id;
        hangingUp = false;
        document.body.dataset.callSince = "0";
        document.body.dataset.callId = callId;
        setCallState("active");
        render(data.turn);
        $("key-1").focus();
      });
    });
  }

  // --- showing a turn -----------------------------------------------------------------

  function render(turn) {
    addLine("caller", describeInput(turn.input));
    if (turn.understood) { addLine("understood", turn.understood); }
    turn.prompts.forEach(function (prompt) { addLine("ivr", prompt.text, prompt.language, prompt.id); });
    (turn.effects || []).forEach(function (effect) { addLine("note", effect); });
    turn.notes.forEach(function (note) { addLine("note", note); });
    speak(turn.prompts);
    showWhere(turn);
  }

  // A reload in the middle of a call goes on with it: what was said so far, then where it is now.
  function resumeCall(id) {
    enqueue(function () {
      return api("GET", API + "/calls/" + id + "/transcript").then(function (said) {
        return api("GET", API + "/calls/" + id).then(function (data) {
          $("log").innerHTML = "";
          said.timeline.forEach(function (moment) {
            addLine("caller", moment.did);
            moment.heard.forEach(function (text, i) { addLine("ivr", text, (moment.heard_in || [])[i]); });
          });
          addLine("note", word("back_in_call"));
          callId = data.call_id;
          hangingUp = false;
          document.body.dataset.callSince = String(data.seen);  // console-caller.js: only what comes next
          document.body.dataset.callId = callId;
          setCallState("active");
          showWhere(data.turn);
          $("key-1").focus();
        });
      });
    });
  }

  function showWhere(turn) {
    gather = turn.gather;
    $("where").textContent = turn.label;
    $("state").textContent = turn.state;
    var tier = $("tier");
    tier.textContent = W["tier_" + turn.tier] || turn.tier_label;
    tier.className = "tier tier-" + turn.tier;
    $("listening").textContent = turn.ended ? word("call_ended") : listeningText(gather);
    if (window.FlowDiagram) { window.FlowDiagram.show(turn.state, turn.path || []); }
    if (turn.ended) { ended(turn); }
  }

  function describeInput(input) {
    if (input.indexOf("call started") === 0) {
      var chose = /chose (en|es)/.exec(input);
      return chose ? word("you_called_and_chose", { language: word("lang_" + chose[1]) }) : word("you_called");
    }
    if (input.charAt(0) === "\"") { return word("you_said", { words: input }); }
    if (input === "(silence)") { return word("you_said_nothing"); }
    if (input === "(hang up)") { return word("you_hung_up"); }
    if (input === "(call ended)") { return word("ended_at_console"); }
    return word("you_pressed", { keys: input });
  }

  function listeningText(g) {
    if (!g) { return word("not_listening"); }
    var what = word({ dtmf: "keys", speech: "speech", "dtmf speech": "keys_or_speech" }[g.input] || g.input);
    if (g.num_digits && g.num_digits > 1) { what += ", " + word("digits", { n: g.num_digits }); }
    if (g.finish_on_key) { what += ", " + word("end_with", { key: g.finish_on_key }); }
    return word("listening_for", { what: what });
  }

  function addLine(kind, text, language, promptId) {
    var item = document.createElement("li");
    item.className = "line " + kind;
    item.textContent = text;
    if (language) { item.lang = language; }
    if (promptId) { item.dataset.prompt = promptId; }
    $("log").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function showError(error) {
    addLine("error", "⚠ " + error.message);
  }

  function ended(turn) {
    var hadFocus = document.activeElement && document.activeElement.closest && document.activeElement.closest("#dock");
    setCallState("ended");
    gather = null;
    clearBuffer();
    if (turn.summary) { showSummary(turn.summary); }
    loadTranscript(callId);
    loadCoverage(turn.rehearsed || []);
    if (hadFocus || document.activeElement === document.body) { $("call").focus(); }
  }

  function showSummary(rows) {
    var box = $("summary");
    box.innerHTML = "";
    var title = document.createElement("h2");
    title.textContent = word("summary");
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

  function loadTranscript(id) {
    api("GET", API + "/calls/" + id + "/transcript").then(function (data) {
      var steps = $("steps");
      steps.innerHTML = "";
      data.timeline.forEach(function (moment) {
        var item = document.createElement("li");
        var head = document.createElement("div");
        head.className = "step-head";
        head.textContent = moment.at + " · " + moment.did + " · " + moment.where + " (" + moment.tier + ")";
        item.appendChild(head);
        moment.heard.forEach(function (text, i) {
          var line = document.createElement("div");
          line.className = "step-heard";
          if ((moment.heard_in || [])[i]) { line.lang = moment.heard_in[i]; }  // what the caller heard: the call's language
          line.textContent = text;
          item.appendChild(line);
        });
        moment.notes.forEach(function (text) {
          var line = document.createElement("div");
          line.className = "step-note";
          line.textContent = text;
          item.appendChild(line);
        });
        var ids = document.createElement("div");
        ids.className = "author-only step-ids";
        ids.textContent = moment.author["in"] + " → " + moment.author.state;
        item.appendChild(ids);
        steps.appendChild(item);
      });
      $("download").href = API + "/calls/" + id + "/transcript?format=yaml";
      $("transcript").hidden = false;
    }).catch(showError);
  }

  // --- coverage ------------------------------------------------------------------------

  function loadCoverage(fresh) {
    api("GET", API + "/coverage").then(function (data) {
      $("coverage-count").textContent = word("done_of", { done: data.done, total: data.total });
      var note = $("assignment");
      if (data.assignment) {
        note.textContent = word("assigned_note", { name: data.assignment.name, done: data.assignment.done, total: data.assignment.total });
        note.hidden = false;
      } else {
        note.hidden = true;
      }
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
        li.className = (item.done ? "done" : "todo") + (item.assigned ? " assigned" : "");
        if ((fresh || []).indexOf(item.id) >= 0) { li.className += " fresh"; }
        li.dataset.branch = item.id;
        li.textContent = (item.done ? "✓ " : "○ ") + item.label + (item.done ? "  ×" + item.count : "") +
          (item.assigned ? "  " + word("assigned") : "");
        list.appendChild(li);
      });
    }).catch(showError);
  }

  // --- keys ------------------------------------------------------------------------------------

  function pressKey(key) {
    if (!callId || document.body.dataset.callState !== "active") { return; }
    flash(key);
    if (!gather || gather.num_digits === 1) { send({ digits: key }); return; }
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
    button.textContent = muted ? word("muted") : word("sound_on");
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
    if (active && $("resume")) { $("resume").parentNode.hidden = true; }
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

  // console-caller.js: a trainee at the agent console ended this call; record it and show its summary
  document.addEventListener("ivr:call-ended", function (event) {
    if (callId && event.detail === callId && document.body.dataset.callState === "active" && !hangingUp) {
      clearBuffer();
      send({ hangup: true });
    }
  });
  $("call").addEventListener("click", startCall);
  $("hangup").addEventListener("click", function () { flushKeys(); hangingUp = true; send({ hangup: true }); });
  $("mute").addEventListener("click", function () { setMuted(!muted); });
  $("silence").addEventListener("click", function () {
    if (buffer) { flushKeys(); } else { send({ silence: true }); }
  });
  $("supervisor").addEventListener("click", function () { flushKeys(); send({ supervisor: true }); });
  $("upset").addEventListener("click", function () { flushKeys(); send({ upset: true }); });
  $("case").addEventListener("change", showCard);
  $("speech").addEventListener("submit", function (event) {
    event.preventDefault();
    var phrase = $("phrase").value.trim();
    if (!phrase) { return; }
    $("phrase").value = "";
    flushKeys();  // keys typed first go first: nothing is dropped
    send({ speech: phrase });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".key"), function (button) {
    button.addEventListener("click", function () { pressKey(button.dataset.key); });
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (document.body.dataset.callState !== "active") { return; }
    if ("0123456789*#".indexOf(event.key) >= 0 && event.key.length === 1) {
      event.preventDefault();
      pressKey(event.key);
    } else if (event.key === "Enter" && buffer && !(event.target && event.target.tagName === "BUTTON")) {
      event.preventDefault();
      flushKeys();
    }
  });

  setCallState("idle");
  setBusy(false);
  showCard();
  loadCoverage([]);
  if ($("resume")) {
    $("resume").addEventListener("click", function () { resumeCall($("resume").dataset.call); });
  }
}());
