"""Joins `validate --markdown` output with ../shared/gradbench/TIMINGS.md into the README's table.

usage: python3 benchmarks/timings-table.py VALIDATE_MARKDOWN [VALIDATE_MARKDOWN ...] TIMINGS_MD

Given several validate runs, each time in the table is the median of that row's times over the
runs (the machine is noisy, so one run's single numbers move a lot).
"""
import statistics
import sys
def secs(t):
    t=t.strip()
    if t in ('-',''): return None
    v,u=t.split()
    return float(v)*{'ns':1e-9,'µs':1e-6,'ms':1e-3,'s':1.0}[u]
def fmt(x):
    if x is None: return '-'
    for u,f in (('s',1),('ms',1e-3),('µs',1e-6),('ns',1e-9)):
        if x>=f: 
            v=x/f
            return (f"{v:.2f}" if v<100 else f"{v:.0f}")+" "+u
    return f"{x*1e9:.1f} ns"
tim={}  # (eval, size, tool) -> (objective, derivative) from TIMINGS.md
for line in open(sys.argv[-1]):
    c=[x.strip() for x in line.split('|')]
    if len(c)>6 and c[1] not in ('eval','---'):
        try: tim[(c[1],c[2],c[3])]=(secs(c[4]),secs(c[5]))
        except ValueError: pass  # a header or prose row
runs={}  # (eval, size, function) -> [(first run, steady state, warm-up)], one per validate run
for path in sys.argv[1:-1]:
    for line in open(path):
        c=[x.strip() for x in line.split('|')]
        if len(c)>8 and c[1] not in ('eval','---') and c[4] in ('pass','FAIL'):
            warmup=secs(c[9]) if len(c)>10 else None
            runs.setdefault((c[1],c[2],c[3]),[]).append((secs(c[6]),secs(c[7]) or secs(c[6]),warmup))
def median(values):
    values=[v for v in values if v is not None]
    return statistics.median(values) if values else None
res={key:tuple(median(field) for field in zip(*times)) for key,times in runs.items()}
prim={'kmeans':'cost'}; der={'kmeans':'dir','lse':'gradient','llsq':'gradient','det':'gradient','ode':'gradient'}
order=[]
for (e,i,f) in res:
    if (e,i) not in order and e not in ('hello',): order.append((e,i))
print("| eval | size | Adjoint primal (first / steady) | Adjoint derivative (first / steady) | derivative warm-up | der/primal | C++ manual primal | C++ manual derivative | Tapenade derivative | Adjoint vs goal |")
print("|---|---|---|---|---|---|---|---|---|---|")
for e,i in order:
    pf=prim.get(e,'primal' if e in der else 'objective'); df=der.get(e,'jacobian')
    p=res.get((e,i,pf)); d=res.get((e,i,df))
    if not p or not d: continue
    m=tim.get((e,i,'manual')); t=tim.get((e,i,'tapenade'))
    ratio=d[1]/p[1]
    if e in ('gmm','ba','lstm','ht'):
        goal=f"{d[1]/t[1]:.2f}× Tapenade" if t else '-'
    else:
        goal=f"{d[1]/m[1]:.2f}× C++" if m else '-'
    print(f"| {e} | {i} | {fmt(p[0])} / {fmt(p[1])} | {fmt(d[0])} / {fmt(d[1])} | {fmt(d[2])} | {ratio:.1f} | {fmt(m[0]) if m else '-'} | {fmt(m[1]) if m else '-'} | {fmt(t[1]) if t else '-'} | {goal} |")
