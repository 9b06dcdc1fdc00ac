-- wrk script for scripts/bench-api.sh: each wrk thread (one connection each) sends the bearer token
-- BENCH_TOKENS names for it (comma-separated; thread n takes token n, wrapping round; empty: no header),
-- and at the end one RESULT line: requests, seconds, non-2xx answers, socket errors, p50/p99/p99.9 in µs.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("n", counter)
end

function init(args)
  local tokens = {}
  for t in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do
    tokens[#tokens + 1] = t
  end
  if #tokens > 0 then
    wrk.headers["Authorization"] = "Bearer " .. tokens[((n - 1) % #tokens) + 1]
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
