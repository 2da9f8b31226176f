#!/usr/bin/env python3
"""Solve minimum-cost flow networks with OR-Tools, as an independent check on Escalator's allocation.

Reads each FILE in the DIMACS minimum-cost flow format that `FlowNetwork.dimacs()` writes
(docs/matching.md, "Allocation"):

    c any comment
    p min NODES ARCS
    n ID SUPPLY                  (nodes numbered from 1; positive supply, negative demand)
    a TAIL HEAD LOW CAPACITY COST  (LOW is always 0)

and solves it with `ortools.graph.python.min_cost_flow.SimpleMinCostFlow`. Prints one JSON object per
file, one per line: {"file", "status", "optimal_cost", "seconds" (wall clock of the solve only),
"cpu_seconds" (its processor time), "load_seconds", "nodes", "arcs"}. Exits 1 if any network is not solved
to optimality.

Usage: ortools_allocate.py FILE [FILE ...]   (run with the benchmark venv: .venv-bench/bin/python)
"""
import json
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def read_dimacs(path):
    with open(path, "r", encoding="ascii") as handle:
        text = handle.read()
    nodes = arcs_declared = None
    supplies = []
    first_arc = text.find("\na ")
    header = text if first_arc < 0 else text[: first_arc + 1]
    for line in header.splitlines():
        parts = line.split()
        if not parts or parts[0] == "c":
            continue
        if parts[0] == "p":
            if parts[1] != "min":
                raise ValueError(f"{path}: not a min-cost flow problem")
            nodes, arcs_declared = int(parts[2]), int(parts[3])
        elif parts[0] == "n":
            supplies.append((int(parts[1]) - 1, int(parts[2])))
        else:
            raise ValueError(f"{path}: unexpected line {line!r}")
    if nodes is None:
        raise ValueError(f"{path}: no problem line")
    if first_arc < 0:
        table = np.zeros((0, 5), dtype=np.int64)
    else:
        body = text[first_arc + 1 :].replace("a ", " ")
        table = np.array(body.split(), dtype=np.int64).reshape(-1, 5)
    if len(table) != arcs_declared:
        raise ValueError(f"{path}: {len(table)} arcs, {arcs_declared} declared")
    if len(table) and table[:, 2].any():
        raise ValueError(f"{path}: lower bounds must be 0")
    node_supply = np.zeros(nodes, dtype=np.int64)
    for node, supply in supplies:
        node_supply[node] = supply
    return nodes, table, node_supply


def solve(path):
    started = time.perf_counter()
    nodes, table, node_supply = read_dimacs(path)
    flow = min_cost_flow.SimpleMinCostFlow()
    if len(table):
        flow.add_arcs_with_capacity_and_unit_cost(table[:, 0] - 1, table[:, 1] - 1, table[:, 3], table[:, 4])
    flow.set_nodes_supplies(np.arange(nodes, dtype=np.int64), node_supply)
    loaded = time.perf_counter()
    cpu = time.process_time()
    status = flow.solve()
    solved = time.perf_counter()
    cpu = time.process_time() - cpu
    optimal = status == flow.OPTIMAL
    return {
        "file": path,
        "status": "OPTIMAL" if optimal else str(status),
        "optimal_cost": int(flow.optimal_cost()) if optimal else None,
        "seconds": solved - loaded,
        "cpu_seconds": cpu,
        "load_seconds": loaded - started,
        "nodes": nodes,
        "arcs": int(len(table)),
    }


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        result = solve(path)
        failed |= result["status"] != "OPTIMAL"
        print(json.dumps(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
