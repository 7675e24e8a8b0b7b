"""The shared queue's and the pass ledger's atomic steps, as Lua scripts run inside Redis.

Each is safe to run twice: the client sends a command again when a connection drops before
the reply arrives (a Redis restart), so a step the server already did must not be done again.
"""

from __future__ import annotations

# Queue a request, ending the lease it replaces (a retry, a redirect), unless its pass has
# seen it. KEYS: queue, processing list, fingerprint set, the source's open count (ledger.py);
# ARGV: entry, replaced lease, fingerprint, TTL. A crash never leaves a page marked seen but
# unqueued. A lease already gone means the copy was queued before (a resent command) or the
# lease was taken back (the worker was thought dead): either way the request is queued once.
ENQUEUE = """
local replaced = 0
if ARGV[2] ~= '' then
  if redis.call('LREM', KEYS[2], 1, ARGV[2]) == 0 then return 0 end
  replaced = 1
end
if KEYS[3] ~= '' then
  if redis.call('SADD', KEYS[3], ARGV[3]) == 0 then
    if replaced > 0 and KEYS[4] ~= '' then redis.call('DECR', KEYS[4]) end
    return 0
  end
  redis.call('EXPIRE', KEYS[3], ARGV[4])
end
redis.call('LPUSH', KEYS[1], ARGV[1])
if replaced == 0 and KEYS[4] ~= '' then
  redis.call('INCR', KEYS[4])
  redis.call('EXPIRE', KEYS[4], ARGV[4])
end
return 1
"""

# Take the oldest request as a lease. KEYS: queue, processing list, the worker's last take;
# ARGV: this take's token, TTL. A take resent with the same token returns what it took the
# first time instead of taking a second request that nobody would then run.
POP = """
local last = redis.call('GET', KEYS[3])
if last and string.sub(last, 1, #ARGV[1]) == ARGV[1] then
  return string.sub(last, #ARGV[1] + 1)
end
local entry = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
if entry then redis.call('SET', KEYS[3], ARGV[1] .. entry, 'EX', ARGV[2]) end
return entry
"""

# End a lease, and add the request's share of its source's run to the pass ledger in the
# same step (``books.py``). Only the step that removes the lease adds it: an ack sent again
# finds the lease gone, and so does a lease taken back (its request runs and counts again).
# KEYS: processing list, open count, then the run's hash, errors and warnings (``ledger.py``;
# '' when the request names no run). ARGV: lease, TTL, entries kept per list, the source's
# failure (the first one wins), counts (a JSON object), errors and warnings (JSON lists).
ACK = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
if KEYS[2] ~= '' then redis.call('DECR', KEYS[2]) end
if KEYS[3] == '' then return 1 end
for field, by in pairs(cjson.decode(ARGV[5])) do redis.call('HINCRBY', KEYS[3], field, by) end
if ARGV[4] ~= '' then redis.call('HSETNX', KEYS[3], 'error', ARGV[4]) end
redis.call('EXPIRE', KEYS[3], ARGV[2])
for i, list in ipairs({ARGV[6], ARGV[7]}) do
  local entries = cjson.decode(list)
  if #entries > 0 then
    redis.call('RPUSH', KEYS[3 + i], unpack(entries))
    redis.call('LTRIM', KEYS[3 + i], -tonumber(ARGV[3]), -1)
    redis.call('EXPIRE', KEYS[3 + i], ARGV[2])
  end
end
return 1
"""

# Put a leased request back at the head of the queue, as it was (its callback could not
# finish). KEYS: processing list, queue; ARGV: lease.
REQUEUE = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) > 0 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""

# Use one unit of a source's cap. KEYS: the pass's budget hash, its granted takes;
# ARGV: kind, cap, this take's token, TTL. A take sent again with its token is granted
# again without spending a second unit; a refused one is refused again (the count only grows).
TAKE_UNIT = """
if redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 1 then return 1 end
if tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
"""

# Claim the writing of a run whose source has no request left. KEYS: the open runs set, the
# source's open count, the run's claim; ARGV: "pass|source", this claim's token, TTL.
# A claim sent again with its token is still granted, so the run is written by its claimer.
CLAIM_RUN = """
if redis.call('GET', KEYS[3]) == ARGV[2] then return 1 end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then return 0 end
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3])
return 1
"""
