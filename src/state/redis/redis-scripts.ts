/**
 * Lua scripts, each one atomic step on the server. Time comes from the server's own clock (`TIME`), so
 * instances whose clocks disagree still agree on leases and refills (Redis ≥ 5 replicates a script's effects,
 * which allows `TIME` before writes). Every script touches keys of one hash slot, so they run on a Cluster too.
 */

const NOW = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

const OWNED = `redis.call('HGET', KEYS[1], 'state') == 'in-flight' and redis.call('HGET', KEYS[1], 'owner') == ARGV[1]`;

/** KEYS: record. ARGV: fingerprint, new owner, lease ms, ttl ms. */
export const ledgerClaim = `${NOW}
local state = redis.call('HGET', KEYS[1], 'state')
local function take(previous)
  local result = redis.call('HGET', KEYS[1], 'result')
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'state', 'in-flight', 'fingerprint', ARGV[1], 'owner', ARGV[2], 'lease', now + tonumber(ARGV[3]))
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  if previous == 'unknown' and result then return {'claimed', previous, result} end
  return {'claimed', previous}
end
if not state then return take('none') end
if redis.call('HGET', KEYS[1], 'fingerprint') ~= ARGV[1] then return {'conflict'} end
if state == 'done' then return {'done', redis.call('HGET', KEYS[1], 'result')} end
if state == 'unknown' then return take('unknown') end
if tonumber(redis.call('HGET', KEYS[1], 'lease')) <= now then return take('abandoned') end
return {'in-flight'}`;

/** KEYS: record. ARGV: owner, lease ms. */
export const ledgerRenew = `if not (${OWNED}) then return 0 end
${NOW}
redis.call('HSET', KEYS[1], 'lease', now + tonumber(ARGV[2]))
return 1`;

/** KEYS: record. ARGV: owner, new state, result, ttl ms, channel, message. */
export const ledgerFinish = `if not (${OWNED}) then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'result', ARGV[3])
redis.call('HDEL', KEYS[1], 'owner', 'lease')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 1`;

/** KEYS: record. ARGV: owner, channel, message. */
export const ledgerRelease = `if not (${OWNED}) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

/**
 * KEYS: by external ID, by id. ARGV: keep existing ('1' or '0'), then pairs of id and external ID ('' removes).
 * Mirrors the memory index: a customer's new external ID drops its old mapping, never another customer's.
 */
export const identityRecord = `local keep = ARGV[1] == '1'
for index = 2, #ARGV, 2 do
  local id, external = ARGV[index], ARGV[index + 1]
  if keep then
    redis.call('HSETNX', KEYS[1], external, id)
    redis.call('HSETNX', KEYS[2], id, external)
  else
    local previous = redis.call('HGET', KEYS[2], id)
    if previous and previous ~= external and redis.call('HGET', KEYS[1], previous) == id then redis.call('HDEL', KEYS[1], previous) end
    if external == '' then
      redis.call('HDEL', KEYS[2], id)
    else
      redis.call('HSET', KEYS[2], id, external)
      redis.call('HSET', KEYS[1], external, id)
    end
  end
end
return 1`;

/** KEYS: lock. ARGV: token, lease ms. */
export const lockExtend = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS: lock. ARGV: token. */
export const lockRelease = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/** KEYS: bucket. ARGV: capacity, refill per second, cost. Returns granted (0/1) and ms until enough tokens. */
export const bucketTake = `${NOW}
local capacity, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local data = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'paused')
local tokens = tonumber(data[1]) or capacity
local updated = tonumber(data[2]) or now
local paused = tonumber(data[3]) or 0
if paused > now then return {0, paused - now} end
tokens = math.min(capacity, tokens + math.max(0, now - updated) / 1000 * rate)
local granted, wait = 0, 0
if tokens >= cost then
  tokens = tokens - cost
  granted = 1
else
  wait = math.ceil((cost - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', now, 'paused', paused)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 60000)
return {granted, wait}`;

/** KEYS: bucket. ARGV: duration ms. The pause spends the bucket, so calls resume at the refill rate. */
export const bucketPause = `${NOW}
local untilTime = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
if untilTime > paused then paused = untilTime end
redis.call('HSET', KEYS[1], 'tokens', '0', 'updated', paused, 'paused', paused)
redis.call('PEXPIRE', KEYS[1], paused - now + 3600000)
return 1`;

/** KEYS: pool (sorted set of tokens by lease end). ARGV: limit, lease ms, token. */
export const slotAcquire = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
local longest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
redis.call('PEXPIRE', KEYS[1], longest - now + 1000)
return 1`;
