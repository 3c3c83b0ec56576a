-- SPDX-License-Identifier: MIT
-- wrk script: replays requests that bench/run.py signed in advance with botocore.
-- Usage: wrk -t T -c C -d D -s replay.lua URL -- PLAN_FILE T
-- The plan (a Lua file written by the harness) names a binary file holding the raw requests and
-- their lengths. Mode "cycle": each thread walks the list round robin from its own offset.
-- Mode "sqs": ReceiveMessage, then DeleteMessage with the receipt handle it returned (signed here
-- with SigV4 through libcrypto, from a botocore-checked template), then one pre-signed
-- SendMessage to put the queue back to its depth. done() prints one "CBBENCH_RESULT {json}" line.

local plan
local requests = {}
local index = 1
local pending = {}
local pending_head, pending_tail = 1, 0
local sends_owed = 0
local send_index = 2
local signer

-- Per-thread counters, read by done() through thread:get(). They are plain globals because
-- wrk 4.1 crashes copying nested tables between Lua states.
COUNTERS = {"ok", "non2xx", "s1xx", "s3xx", "s4xx", "s5xx", "received", "empty", "deleted", "sent"}
for _, name in ipairs(COUNTERS) do _G[name] = 0 end
first_error = ""

local threads = {}
local next_id = 0

function setup(thread)
    thread:set("thread_id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

local function make_signer(d)
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct evp_md_st EVP_MD;
        const EVP_MD *EVP_sha256(void);
        unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
        unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                            const unsigned char *d, size_t n, unsigned char *md,
                            unsigned int *md_len);
    ]]
    -- wrk links libcrypto already; fall back to loading it by name.
    local crypto = ffi.C
    if not pcall(function() return crypto.SHA256 end) then
        crypto = ffi.load("libcrypto.so.3")
    end
    local digest = ffi.new("unsigned char[32]")
    local digest_len = ffi.new("unsigned int[1]")
    local md = crypto.EVP_sha256()
    local hex = {}
    for i = 0, 255 do hex[i] = string.format("%02x", i) end
    local function to_hex()
        local out = {}
        for i = 0, 31 do out[i + 1] = hex[digest[i]] end
        return table.concat(out)
    end
    local key = d.key_hex:gsub("..", function(h) return string.char(tonumber(h, 16)) end)
    local function sha256_hex(text)
        crypto.SHA256(text, #text, digest)
        return to_hex()
    end
    local function hmac_hex(text)
        crypto.HMAC(md, key, #key, text, #text, digest, digest_len)
        return to_hex()
    end
    local function signature(value)
        local body = d.body_before .. value .. d.body_after
        local canonical = d.canonical_prefix .. sha256_hex(body)
        local to_sign = "AWS4-HMAC-SHA256\n" .. d.amz_date .. "\n" .. d.scope .. "\n"
            .. sha256_hex(canonical)
        return hmac_hex(to_sign), body
    end
    local check = signature(d.placeholder)
    if check ~= d.expected_signature then
        error("Lua SigV4 signer disagrees with botocore: " .. check)
    end
    return function(value)
        local sig, body = signature(value)
        return d.head .. "Authorization: " .. d.authorization_prefix .. sig
            .. "\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body
    end
end

function init(args)
    plan = dofile(args[1])
    local thread_count = tonumber(args[2]) or 1
    local file = assert(io.open(plan.data, "rb"))
    local data = file:read("*a")
    file:close()
    local position = 1
    for i, length in ipairs(plan.lengths) do
        requests[i] = data:sub(position, position + length - 1)
        position = position + length
    end
    data = nil
    collectgarbage()
    -- Threads start at different places so that they do not send the same keys in step.
    index = math.floor((thread_id or 0) * #requests / thread_count) + 1
    if plan.mode == "sqs" then
        signer = make_signer(plan.delete)
        send_index = math.floor((thread_id or 0) * (#requests - 1) / thread_count) + 2
    end
end

local entities = {amp = "&", lt = "<", gt = ">", quot = '"', apos = "'"}

local function xml_unescape(text)
    return (text:gsub("&(#?[xX]?%w+);", function(name)
        if name:sub(1, 2):lower() == "#x" then
            return string.char(tonumber(name:sub(3), 16))
        elseif name:sub(1, 1) == "#" then
            return string.char(tonumber(name:sub(2)))
        end
        return entities[name]
    end))
end

local function form_encode(text)
    return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function request()
    if plan.mode == "sqs" then
        if pending_head <= pending_tail then
            local handle = pending[pending_head]
            pending[pending_head] = nil
            pending_head = pending_head + 1
            return signer(form_encode(xml_unescape(handle)))
        end
        if sends_owed > 0 then
            sends_owed = sends_owed - 1
            local r = requests[send_index]
            send_index = send_index + 1
            if send_index > #requests then send_index = 2 end
            return r
        end
        return requests[1]
    end
    local r = requests[index]
    index = index + 1
    if index > #requests then index = 1 end
    return r
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        local class = "s" .. math.floor(status / 100) .. "xx"
        if _G[class] then _G[class] = _G[class] + 1 end
        if first_error == "" then
            first_error = status .. " " .. (body or ""):sub(1, 400)
        end
        return
    end
    ok = ok + 1
    if plan.mode == "sqs" and body then
        local handle = body:match("<ReceiptHandle>(.-)</ReceiptHandle>")
        if handle then
            received = received + 1
            pending_tail = pending_tail + 1
            pending[pending_tail] = handle
        elseif body:find("DeleteMessageResponse", 1, true) then
            deleted = deleted + 1
            sends_owed = sends_owed + 1
        elseif body:find("SendMessageResponse", 1, true) then
            sent = sent + 1
        elseif body:find("ReceiveMessageResponse", 1, true) then
            empty = empty + 1
        end
    end
end

local function json(value)
    local kind = type(value)
    if kind == "table" then
        local parts = {}
        for k, v in pairs(value) do
            table.insert(parts, json(tostring(k)) .. ":" .. json(v))
        end
        return "{" .. table.concat(parts, ",") .. "}"
    elseif kind == "string" then
        return '"' .. value:gsub('[%c"\\]', function(c)
            return string.format("\\u%04x", c:byte())
        end) .. '"'
    elseif kind == "number" then
        return string.format("%.17g", value)
    end
    return "null"
end

function done(summary, latency, _)
    local total = {first_error = ""}
    for _, name in ipairs(COUNTERS) do total[name] = 0 end
    for _, thread in ipairs(threads) do
        for _, name in ipairs(COUNTERS) do
            total[name] = total[name] + (thread:get(name) or 0)
        end
        if total.first_error == "" then total.first_error = thread:get("first_error") or "" end
    end
    local result = {
        duration_us = summary.duration,
        requests = summary.requests,
        bytes = summary.bytes,
        errors = summary.errors,
        latency_us = {
            min = latency.min, max = latency.max, mean = latency.mean,
            p50 = latency:percentile(50), p90 = latency:percentile(90),
            p99 = latency:percentile(99), p999 = latency:percentile(99.9),
        },
        stats = total,
    }
    io.write("CBBENCH_RESULT ", json(result), "\n")
end
