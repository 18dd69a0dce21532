'use strict';
// CPU time of each part of the stack over a run, read from /proc, to show where an application's cost goes.
const { readFileSync, readdirSync } = require('node:fs');

const TICKS_PER_S = 100; // USER_HZ, 100 on every Linux build we run on (getconf CLK_TCK)

function statFields(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
  } catch {
    return null; // gone
  }
}

/** user + system seconds; with `reaped`, also those of children it has waited for (exited backends, pgbench). */
function processSeconds(pid, reaped = false) {
  const f = statFields(pid);
  if (!f) return 0;
  return (f[11] + f[12] + (reaped ? f[13] + f[14] : 0)) / TICKS_PER_S;
}

/** The postmaster, its exited children and its live ones (backends, WAL writer, checkpointer…). */
function postgresSeconds(postmasterPid) {
  let total = processSeconds(postmasterPid, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && f[1] === postmasterPid) total += (f[11] + f[12]) / TICKS_PER_S;
  }
  return total;
}

/** Busy seconds of the whole machine, summed over its cores (idle and iowait excluded). */
function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_S;
}

/**
 * start() then stop(): seconds of CPU used in between by each named part and by the machine.
 * `parts` maps a name to { pid, postmaster?: true }; `self` counts this process and the children it waited for.
 */
function cpuMeter(parts) {
  const read = () => {
    const seconds = { machine: machineBusySeconds(), self: processSeconds(process.pid, true) };
    for (const [name, part] of Object.entries(parts)) seconds[name] = part.postmaster ? postgresSeconds(part.pid) : processSeconds(part.pid);
    return seconds;
  };
  const before = read();
  return {
    stop() {
      const after = read();
      return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
    },
  };
}

module.exports = { cpuMeter };
