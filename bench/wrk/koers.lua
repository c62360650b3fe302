-- wrk script: every request carries the bearer token (and an Accept header when asked), and
-- cycles through one or more paths. At the end one JSON line with the figures is printed.
--   TOKEN   access token (optional)
--   ACCEPT  media type to ask for (optional)
--   PATHS   paths separated by "|", used round-robin (default: the URL's own path)
local token = os.getenv("TOKEN")
local accept = os.getenv("ACCEPT")
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "", "[^|]+") do
  paths[#paths + 1] = p
end
local i = 0

init = function(args)
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  if accept and accept ~= "" then
    wrk.headers["Accept"] = accept
  end
end

request = function()
  if #paths == 0 then
    return wrk.format("GET")
  end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, "errors": %d, "non_2xx": %d, "bytes": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end
