-- wrk script: rotates over the read API's endpoints (the fleet, five workloads' detail and forecast pages,
-- actions, accuracy, health), as `prescient bench load` does. Workload names are those of samples/august.yaml.
--   wrk -t2 -c200 -d60s --latency -s bench/load/read-api.lua http://127.0.0.1:8080
local paths = {"/api/workloads", "/api/health", "/api/actions?limit=50", "/api/accuracy"}
for i = 1, 5 do
  table.insert(paths, "/api/workloads/" .. i .. "/cpu_usage_mhz")
  table.insert(paths, "/api/forecasts/" .. i .. "/cpu_usage_mhz")
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d status, %d connect, %d read, %d write, %d timeout\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
