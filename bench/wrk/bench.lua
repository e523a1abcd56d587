-- wrk script for bench/run. Configured through the environment (wrk passes it to every thread):
--   BENCH_BODY        file whose bytes are the POST body (sent with an exact Content-Length)
--   BENCH_HEADERS     extra request headers, "Name: value" separated by "|"
--   BENCH_RATE        optional: total request rate to hold (requests/s over all threads); unset = as fast as possible
--   BENCH_THREADS     the -t given to wrk (to split BENCH_RATE over the threads)
-- At the end it prints one line "BENCH key=value ..." that bench/run parses (latencies in microseconds).
-- Errors: wrk counts HTTP status >= 400 as status errors, plus connect/read/write/timeout socket errors.

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local path = os.getenv("BENCH_BODY")
if path and path ~= "" then
  local f = assert(io.open(path, "rb"))
  wrk.body = f:read("*a")
  f:close()
end

local extra = os.getenv("BENCH_HEADERS") or ""
for header in string.gmatch(extra, "[^|]+") do
  local name, value = string.match(header, "^%s*([^:]+):%s*(.-)%s*$")
  if name then
    wrk.headers[name] = value
  end
end

-- Optional pacing: each thread hands out send slots 1/rate apart and never catches up on missed
-- slots, so the achieved rate is at most the target. Latency is measured by wrk from the actual send
-- (closed loop: no correction for coordinated omission, unlike wrk2).
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local interval = 1000.0 * threads / rate -- milliseconds between sends, per thread
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000.0 + tonumber(ts.tv_nsec) / 1e6
  end
  local next_slot = nil
  local carry = 0.0
  function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now then
      next_slot = now
    end
    local wait = next_slot - now + carry
    next_slot = next_slot + interval
    -- wrk takes whole milliseconds: keep the fraction for the next call so the mean rate is right.
    local whole = math.floor(wait)
    carry = wait - whole
    return whole
  end
end

-- No request() function: wrk then formats the request once per thread and resends the same
-- bytes (a request() function would copy a multi-megabyte body for every request).

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.2f bytes_read=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f status_errors=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.status, e.connect, e.read, e.write, e.timeout))
end
