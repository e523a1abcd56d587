-- wrk script for bench/state-modes: POSTs the file BENCH_BODY, with a new Idempotency-Key on every request when
-- BENCH_KEYED=1, at a total rate of BENCH_RATE requests/s over BENCH_THREADS threads (unset: as fast as possible).
-- Prints one line "BENCH key=value ..." (latencies in microseconds), as bench/wrk/bench.lua does.
local body
local path = os.getenv("BENCH_BODY")
do
  local f = assert(io.open(path, "rb"))
  body = f:read("*a")
  f:close()
end
local client_key = os.getenv("BENCH_CLIENT_KEY") or "bench-client-key"
local keyed = os.getenv("BENCH_KEYED") == "1"
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local counter = 0
local next_id = 0
thread_id = 0 -- set per thread by setup()
function setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = client_key }
  if keyed then
    headers["Idempotency-Key"] = "bench-" .. run .. "-" .. thread_id .. "-" .. counter
  end
  return wrk.format("POST", "/v1/signing-sessions", headers, body)
end

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local interval = 1000.0 * threads / rate
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts)
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
    local whole = math.floor(wait)
    carry = wait - whole
    return whole
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
