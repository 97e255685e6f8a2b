-- wrk script for `ivr bench`: replays precomputed, correctly signed Twilio webhooks.
-- Its argument is a file of lines "thread<TAB>path<TAB>signature<TAB>token<TAB>form body"
-- (token: the request's I-Twilio-Idempotency-Token, which Twilio sends with every webhook); each
-- wrk thread sends its own lines in order and stops when it has sent them all.
-- An answer in the app's error state (X-IVR-State: error, the apology a webhook answers
-- when something failed) is counted apart, as `ivr load` counts it: wrk itself counts
-- only HTTP statuses above 399, and an apology is a 200.
local counter = 0
local threads = {}
local requests = {}
local count = 0
local index = 0
apologies = 0  -- per thread (each has its own Lua state); summed in `done`

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local thread, path, signature, token, body = line:match("^(%d+)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if thread and tonumber(thread) == id then
      count = count + 1
      requests[count] = wrk.format("POST", path, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = signature,
        ["I-Twilio-Idempotency-Token"] = token,
      }, body)
    end
  end
  file:close()
end

function request()
  index = index + 1
  if index > count then
    wrk.thread:stop()
    index = 1
  end
  return requests[index]
end

function response(status, headers, body)
  if headers["X-IVR-State"] == "error" then
    apologies = apologies + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local apologised = 0
  for _, thread in ipairs(threads) do
    apologised = apologised + thread:get("apologies")
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "apologies": %d}, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, apologised,
    latency:percentile(50), latency:percentile(99)))
end
