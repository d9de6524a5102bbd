-- wrk script: POST a signed GitHub push with a unique X-GitHub-Delivery per request.
--   wrk -t1 -c32 -d8s -s github-push.lua http://127.0.0.1:5080/floor -- <body file> <signature> <nonce> [N] [flag file]
-- With N > 0 the thread stops after N responses and writes the time (ns since the epoch) into the flag file; wrk's
-- main thread sleeps out -d regardless, so run.sh watches for the flag file and ends wrk with SIGINT (wrk then
-- prints its summary as usual).
-- The body and its X-Hub-Signature-256 are fixed (the signature covers only the body); X-GitHub-Delivery is not
-- signed, so each request differs only there, which is what deduplication keys on.
-- done() prints one line: RESULT requests=… duration_us=… rps=… p50_us=… p99_us=… non200=… s503=… errors=…

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local head, tail, nonce, stop_after, flag_file
local counter, responses = 0, 0
-- Globals, so that done() can read them from each thread with thread:get().
non200, s503 = 0, 0

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  local signature = args[2]
  nonce = tonumber(args[3]) or 0
  stop_after = tonumber(args[4] or "0")
  flag_file = args[5]
  local url = wrk.path
  head = "POST " .. url .. " HTTP/1.1\r\n"
    .. "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
    .. "User-Agent: GitHub-Hookshot/wrk\r\n"
    .. "Content-Type: application/json\r\n"
    .. "Content-Length: " .. #body .. "\r\n"
    .. "X-GitHub-Event: push\r\n"
    .. "X-GitHub-Hook-ID: 292430182\r\n"
    .. "X-GitHub-Hook-Installation-Target-ID: 79929171\r\n"
    .. "X-GitHub-Hook-Installation-Target-Type: repository\r\n"
    .. "X-Hub-Signature-256: " .. signature .. "\r\n"
    .. "X-GitHub-Delivery: "
  tail = "\r\n\r\n" .. body
end

function request()
  counter = counter + 1
  -- A GUID-shaped id, unique per run (nonce), per wrk thread (id) and per request (counter).
  return head .. string.format("%08x-%04x-4000-8000-%012x", nonce, id, counter) .. tail
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then
    non200 = non200 + 1
    if status == 503 then
      s503 = s503 + 1
    end
  end
  if stop_after > 0 and responses == stop_after then
    wrk.thread:stop()
    if flag_file then
      local clock = io.popen("date +%s%N")
      local now = clock:read("*l")
      clock:close()
      local flag = assert(io.open(flag_file, "w"))
      flag:write(now, "\n")
      flag:close()
    end
  end
end

function done(summary, latency, requests)
  local total_non200, total_503 = 0, 0
  for _, thread in ipairs(threads) do
    total_non200 = total_non200 + thread:get("non200")
    total_503 = total_503 + thread:get("s503")
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d non200=%d s503=%d errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, total_non200, total_503, errors))
end
