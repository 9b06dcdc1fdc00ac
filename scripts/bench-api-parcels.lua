-- wrk script for scripts/bench-api.sh, case "parcels": each request POSTs a batch of BENCH_BATCH (100) new postal
-- declarations (UPU S10 item ids with their check digit, unique per run and thread) to
-- /api/v1/parcels/declarations with the postal operator's token in BENCH_TOKENS; RESULT as in bench-api.lua.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("n", counter)
end

local weights = {8, 6, 4, 2, 3, 5, 9, 7}

local function s10(number)
  local digits = string.format("%08d", number % 100000000)
  local sum = 0
  for i = 1, 8 do sum = sum + tonumber(digits:sub(i, i)) * weights[i] end
  local check = 11 - (sum % 11)
  if check == 10 then check = 0 elseif check == 11 then check = 5 end
  return "RB" .. digits .. check .. "FI"
end

local goods = {
  {"cotton t-shirt", "6109.10", 30}, {"phone case", "3926.90", 12}, {"spare parts for air rifle", "9305.20", 80},
  {"steel tube", "7306.30", 45}, {"book", "4901.99", 20}, {"toy pistol", "9503.00", 15},
}

function init(args)
  local tokens = {}
  for t in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if #tokens > 0 then wrk.headers["Authorization"] = "Bearer " .. tokens[((n - 1) % #tokens) + 1] end
  batch = tonumber(os.getenv("BENCH_BATCH") or "100")
  -- a base of its own for each run and thread, so that a rerun sends new items, not unchanged ones
  math.randomseed(os.time() * 100 + n)
  next_id = math.random(0, 99) * 1000000 + n * 10000000
  sent = 0
end

function request()
  local items = {}
  for i = 1, batch do
    next_id = next_id + 1
    local g = goods[(next_id % #goods) + 1]
    items[i] = string.format('{"itemId":"%s","site":"HEL","direction":"INBOUND","mailClass":"PARCEL",'
      .. '"postingOffice":"Shenzhen","postedOn":"%s","origin":"CN","destination":"FI",'
      .. '"sender":{"name":"Seller %d","address":"1 Road","postcode":"518000","country":"CN","phone":null,"email":null},'
      .. '"addressee":{"name":"Buyer %d","address":"2 Street","postcode":"00100","country":"FI","type":"RESIDENCE"},'
      .. '"category":"SALE_OF_GOODS","categoryExplanation":null,'
      .. '"contents":[{"description":"%s","quantity":1,"netWeightKg":0.4,"value":%d,"currency":"USD","hsCode":"%s","originCountry":"CN"}],'
      .. '"grossWeightKg":0.5,"totalValue":%d,"currency":"USD","licenceNumber":null,"certificateNumber":null,"invoiceNumber":null}',
      s10(next_id), os.date("!%Y-%m-%d"), next_id % 500, next_id % 5000, g[1], g[3], g[2], g[3])
  end
  return wrk.format(nil, nil, nil, '{"items":[' .. table.concat(items, ",") .. ']}')
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
