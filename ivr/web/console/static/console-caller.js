/* On the softphone page: what a trainee at the agent console makes the call say, pushed within a second.
 *
 * The softphone shows the answers to the caller's own inputs; this adds the
 * lines an agent's actions produce (server-sent events from the console room),
 * for the call whose id the softphone puts on <body data-call-id>.
 */
(function () {
  "use strict";

  var source = null;
  var current = null;

  function addLine(line) {
    var log = document.getElementById("log");
    if (!log || line.who !== "call") { return; }
    var item = document.createElement("li");
    item.className = "line ivr agent";
    item.textContent = line.text;
    if (line.id) { item.dataset.prompt = line.id; item.title = line.id; }
    log.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  var TIERS = { ivr: "IVR", tier1: "Tier 1", tier2: "Tier 2", supervisor: "Supervisor" };
  try {  // the softphone's own words, in its reader's language (ivr/web/softphone/words.py)
    var words = JSON.parse(document.getElementById("ui-words").textContent);
    Object.keys(TIERS).forEach(function (tier) { TIERS[tier] = words["tier_" + tier] || TIERS[tier]; });
  } catch (e) { /* another page: English tier names */ }

  function showWhere(data) {
    var state = document.getElementById("state");
    var tier = document.getElementById("tier");
    if (state && data.state) { state.textContent = data.state; }
    if (tier && data.tier) { tier.textContent = TIERS[data.tier] || data.tier; tier.className = "tier tier-" + data.tier; }
  }

  function follow(callId) {
    if (callId === current) { return; }
    current = callId;
    if (source) { source.close(); source = null; }
    if (!callId || !window.EventSource) { return; }
    var since = document.body.dataset.callSince || "0";  // a resumed call: its past lines are on the page already
    source = new EventSource("/console/api/calls/" + encodeURIComponent(callId) + "/events?agent=1&since=" + encodeURIComponent(since));
    source.addEventListener("said", function (event) {
      var data = JSON.parse(event.data);
      data.lines.forEach(addLine);
      if (data.lines.length) { showWhere(data); }
      if (data.ended && source) {
        source.close();
        source = null;
        document.dispatchEvent(new CustomEvent("ivr:call-ended", { detail: callId }));  // softphone.js ends its side
      }
    });
  }

  new MutationObserver(function () { follow(document.body.dataset.callId || null); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-call-id"] });
  follow(document.body.dataset.callId || null);
})();
