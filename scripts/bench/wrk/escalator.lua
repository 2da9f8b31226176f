-- wrk script for scripts/bench/http: signs every request with a bearer token and picks each request from a
-- list, and prints one JSON line with the run's figures when it is done.
--
-- Environment (read by every wrk thread):
--   BENCH_TOKEN     the bearer token (absent: no Authorization header, as for /healthz/live)
--   BENCH_REQUESTS  a file of requests, one a line: METHOD PATH [BODY]  (BODY: JSON, sent as application/json)
--                   Lines may repeat: a request's share of the run is its share of the lines. Each thread
--                   starts at its own offset and takes the lines in a shuffled order.
--   BENCH_LABEL     a name for the JSON line

local token = os.getenv("BENCH_TOKEN")
local label = os.getenv("BENCH_LABEL") or "run"
local requests_file = os.getenv("BENCH_REQUESTS")

local list = {}
local position = 0
local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_number", thread_counter)
end

function init(args)
  local headers = { ["Accept"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  local file = assert(io.open(requests_file, "r"), "BENCH_REQUESTS: cannot open " .. tostring(requests_file))
  for line in file:lines() do
    local method, path, body = line:match("^(%u+)%s+(%S+)%s*(.*)$")
    if method then
      local h = {}
      for k, v in pairs(headers) do h[k] = v end
      if body == "" then
        body = nil
      else
        h["Content-Type"] = "application/json"
      end
      list[#list + 1] = wrk.format(method, path, h, body)
    end
  end
  file:close()
  assert(#list > 0, "BENCH_REQUESTS has no requests")
  -- A different shuffle and starting point in every thread.
  math.randomseed(os.time() + 7919 * (thread_number or 1))
  for i = #list, 2, -1 do
    local j = math.random(i)
    list[i], list[j] = list[j], list[i]
  end
  position = math.random(#list) - 1
end

function request()
  position = position % #list + 1
  return list[position]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"label":"%s","requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f,"non_2xx_3xx":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    label, summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.status, e.connect, e.read, e.write, e.timeout))
end
