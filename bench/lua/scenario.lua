-- Replays one scenario: each request takes a random path and a random body from the
-- parameters file that bench/load.py writes (passed after `--`), so reads spread over many
-- records instead of hitting one cached row.
local p

function init(args)
  p = dofile(args[1])
  -- Threads share os.time(); mix in the address of a fresh table so their sequences differ.
  local salt = tonumber(tostring({}):match("0x(%x+)") or "0", 16) or 0
  math.randomseed(os.time() + salt % 1000003)
end

function request()
  local path = p.paths[math.random(#p.paths)]
  local body = nil
  if #p.bodies > 0 then
    body = p.bodies[math.random(#p.bodies)]
  end
  return wrk.format(p.method, path, p.headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
