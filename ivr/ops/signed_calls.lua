-- wrk script for `ivr bench`: replays precomputed, correctly signed Twilio webhooks.
-- Its argument is a file of lines "thread<TAB>path<TAB>signature<TAB>form body"; each
-- wrk thread sends its own lines in order and stops when it has sent them all.
local counter = 0
local requests = {}
local count = 0
local index = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local thread, path, signature, body = line:match("^(%d+)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if thread and tonumber(thread) == id then
      count = count + 1
      requests[count] = wrk.format("POST", path, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = signature,
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

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
