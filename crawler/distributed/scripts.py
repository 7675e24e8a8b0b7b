"""The shared queue's atomic steps, as Lua scripts run inside Redis.

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

# End a lease: the request leaves the processing list and its source's open count.
# KEYS: processing list, open count; ARGV: lease.
ACK = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) > 0 and KEYS[2] ~= '' then
  redis.call('DECR', KEYS[2])
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
