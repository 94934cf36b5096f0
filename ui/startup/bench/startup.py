#!/usr/bin/python3
# startup.py OLD NEW ROUNDS OUT: whole cold processes of two builds of
# sahelatlas and Mapnik's cold run (the peer, /work/shared/bench/peer),
# alternating in one loop (the order of each pair flips every round):
# a 320x180 snapshot of the Sahel preset, a bare 1920x1080 Sahel snapshot
# (--view -25,-5,50,50), Mapnik's cold 1920x1080 Sahel frame, and
# --version. Per process: wall time (perf_counter around the fork and
# wait4), user and system CPU, max RSS and minor page faults (wait4's
# rusage, to the microsecond where /usr/bin/time gives 10 ms). Then a
# summary: medians, per-round ratios, the load average.
#
#	go build -o /tmp/old/sahelatlas .   # (the base commit, from git stash)
#	go build -o /tmp/new/sahelatlas .
#	python3 ui/startup/bench/startup.py /tmp/old/sahelatlas /tmp/new/sahelatlas 20 /tmp/startup.txt
import collections, os, statistics, subprocess, sys, tempfile, time

old_bin, new_bin, rounds, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
peer = os.environ.get('MAPNIK_FRAMES', '/work/shared/bench/peer/mapnik_frames.py')
os.chdir(tempfile.mkdtemp(prefix='startup-bench-'))
cmds = [
    ('old-320', [old_bin, 'snapshot', '--view', 'sahel', '--size', '320x180', '-o', 's-old.png']),
    ('new-320', [new_bin, 'snapshot', '--view', 'sahel', '--size', '320x180', '-o', 's-new.png']),
    ('old-1920', [old_bin, 'snapshot', '--view', '-25,-5,50,50', '--size', '1920x1080', '-o', 'ours-old.png']),
    ('new-1920', [new_bin, 'snapshot', '--view', '-25,-5,50,50', '--size', '1920x1080', '-o', 'ours-new.png']),
    ('mapnik', ['/usr/bin/python3', peer, 'cold', 'mapnik.png']),
    ('old-version', [old_bin, '--version']),
    ('new-version', [new_bin, '--version']),
]
flipped = [cmds[1], cmds[0], cmds[3], cmds[2], cmds[4], cmds[6], cmds[5]]
with open(out, 'w') as f:
    for i in range(rounds):
        load = open('/proc/loadavg').read().split()[0]
        for name, cmd in (cmds if i % 2 == 0 else flipped):
            t0 = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
            assert status == 0, (name, status)
            f.write('%d %s %s %.4f %.4f %.4f %d %d\n' % (i, load, name, wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, ru.ru_minflt))

# The summary.
rows=[l.split() for l in open(out) if l.strip()]
by=collections.defaultdict(list); rounds=collections.defaultdict(dict); loads=[]
for r in rows:
    i,load,k,e,u,s,m,flt=r; e,u,s,m,flt=float(e),float(u),float(s),int(m),int(flt)
    by[k].append((e,u+s,m,flt)); rounds[i][k]=(e,u+s); loads.append(float(load))
def ms(v): return '%.0f'%(v*1000)
print('rounds', len(rounds), 'load average', min(loads), '-', max(loads))
print('| process | wall ms min / median / max | user+sys ms min / median / max | max RSS MB | page faults |')
print('|---|---|---|---|---|')
for k in ['old-320','new-320','old-1920','new-1920','mapnik','old-version','new-version']:
    v=by[k]
    if not v: continue
    w=sorted(x[0] for x in v); c=sorted(x[1] for x in v)
    print('| %s | %s / %s / %s | %s / %s / %s | %.1f | %d |'%(k,ms(w[0]),ms(statistics.median(w)),ms(w[-1]),ms(c[0]),ms(statistics.median(c)),ms(c[-1]),statistics.median(x[2] for x in v)/1024, statistics.median(x[3] for x in v)))
for k in ['old-1920','new-1920']:
    rw=sorted(r[k][0]/r['mapnik'][0] for r in rounds.values() if k in r and 'mapnik' in r)
    rc=sorted(r[k][1]/r['mapnik'][1] for r in rounds.values() if k in r and 'mapnik' in r)
    print('%s / mapnik per round: wall %.2f (%.2f-%.2f), cpu %.2f (%.2f-%.2f)'%(k, statistics.median(rw), rw[0], rw[-1], statistics.median(rc), rc[0], rc[-1]))
for k in ['old-320','new-320']:
    n=sorted(r[k][0] for r in rounds.values() if k in r); print('%s wall <= 60 ms in %d of %d rounds'%(k, sum(1 for x in n if x<=0.060), len(n)))
for a,b in [('new-320','old-320'),('new-1920','old-1920'),('new-version','old-version')]:
    rw=sorted(r[a][0]/r[b][0] for r in rounds.values() if a in r and b in r)
    rc=sorted(r[a][1]/r[b][1] for r in rounds.values() if a in r and b in r)
    print('%s / %s per round: wall %.2f (%.2f-%.2f), cpu %.2f (%.2f-%.2f)'%(a,b,statistics.median(rw),rw[0],rw[-1],statistics.median(rc),rc[0],rc[-1]))
