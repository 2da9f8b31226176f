#!/usr/bin/env python3
"""Top-k vacancies for every client with NumPy/SciPy, written from docs/matching.md alone.

An independent implementation of the documented scoring model, used by `escalator bench matching` as a
baseline (its time) and as a check (the same vacancies in the same order, scores within 1e-9). It reads the
instance directory the benchmark exports (docs/benchmarks.md, "The exported instance"), scores every
client against every vacancy in chunks of clients with vectorised NumPy, and writes

    client_id,rank,vacancy_id,score      (rank 1 is best; score as Python's repr, which reads back exactly)

ranked by score descending, then vacancy id ascending (upper-case uuid string), then input order,
eligible matches only. The last line on standard output is a JSON object: {"seconds" (scoring and
ranking), "load_seconds" (reading the files), "clients", "vacancies"}.

Usage: numpy_topk.py INSTANCE_DIR OUTPUT.csv [--top K] [--chunk N]
"""
import argparse
import csv
import json
import os
import time

import numpy as np
import scipy.sparse as sparse

EARTH_RADIUS_KM = 6371.0088


def read(directory, name):
    with open(os.path.join(directory, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def codes(values):
    """Small integer codes for strings, and the table."""
    table = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64), table


def load(directory):
    weights = {row["component"]: float(row["weight"]) for row in read(directory, "weights.csv")}
    licences = {row["skill_id"] for row in read(directory, "licences.csv")}

    vacancies = read(directory, "vacancies.csv")
    v = {
        "id": [row["vacancy_id"] for row in vacancies],
        "lat": np.array([float(row["latitude"]) for row in vacancies]),
        "lon": np.array([float(row["longitude"]) for row in vacancies]),
        "hours": np.array([int(row["hours_per_week"]) for row in vacancies]),
        "min_age": np.array([int(row["minimum_age"]) for row in vacancies]),
        "min_qual": np.array([int(row["minimum_qualification"]) for row in vacancies]),
        "english": np.array([row["needs_gcse_english"] == "1" for row in vacancies]),
        "maths": np.array([row["needs_gcse_maths"] == "1" for row in vacancies]),
    }
    clients = read(directory, "clients.csv")
    c = {
        "id": [row["client_id"] for row in clients],
        "lat": np.array([float(row["latitude"]) for row in clients]),
        "lon": np.array([float(row["longitude"]) for row in clients]),
        "qual": np.array([int(row["qualification"]) for row in clients]),
        "english": np.array([row["gcse_english"] == "1" for row in clients]),
        "maths": np.array([row["gcse_maths"] == "1" for row in clients]),
        "min_hours": np.array([int(row["min_hours_per_week"]) for row in clients]),
        "max_hours": np.array([int(row["max_hours_per_week"]) for row in clients]),
        "max_km": np.array([float(row["max_travel_km"]) for row in clients]),
        # An unknown age never blocks: treat it as older than any minimum.
        "age": np.array([int(row["age"]) if row["age"] else np.iinfo(np.int64).max for row in clients], dtype=np.int64),
    }

    # Occupations: the vacancy's, and a client x occupation matrix of aspirations.
    v["occupation"], occupations = codes(row["occupation_id"] for row in vacancies)
    aspirations = read(directory, "client_aspirations.csv")
    rows = [int(a["client_row"]) for a in aspirations if a["occupation_id"] in occupations]
    cols = [occupations[a["occupation_id"]] for a in aspirations if a["occupation_id"] in occupations]
    c["aspires"] = sparse.csr_matrix((np.ones(len(rows), dtype=bool), (rows, cols)), shape=(len(clients), max(1, len(occupations))))

    # Skills: a client x skill matrix of levels (0 = not held).
    requirements = read(directory, "vacancy_requirements.csv")
    skills = {}
    for r in requirements:
        skills.setdefault(r["skill_id"], len(skills))
    held = read(directory, "client_skills.csv")
    rows = [int(h["client_row"]) for h in held if h["skill_id"] in skills]
    cols = [skills[h["skill_id"]] for h in held if h["skill_id"] in skills]
    levels = [int(h["level"]) for h in held if h["skill_id"] in skills]
    c["levels"] = sparse.csr_matrix((np.array(levels, dtype=np.int8), (rows, cols)), shape=(len(clients), max(1, len(skills))))

    # Requirements as (skill, level) items: for each importance a matrix item x vacancy counting how often
    # the vacancy asks for that item, and one for essential licences.
    items = {}
    entries = {"essential": ([], []), "desirable": ([], []), "licence": ([], [])}
    for r in requirements:
        item = items.setdefault((skills[r["skill_id"]], int(r["level"])), len(items))
        entries[r["importance"]][0].append(item)
        entries[r["importance"]][1].append(int(r["vacancy_row"]))
        if r["importance"] == "essential" and r["skill_id"] in licences:
            entries["licence"][0].append(item)
            entries["licence"][1].append(int(r["vacancy_row"]))
    shape = (max(1, len(items)), len(vacancies))
    matrices = {
        name: sparse.csr_matrix((np.ones(len(i), dtype=np.float64), (i, j)), shape=shape) for name, (i, j) in entries.items()
    }
    item_skill = np.array([s for (s, _) in sorted(items, key=items.get)], dtype=np.int64)
    item_level = np.array([l for (_, l) in sorted(items, key=items.get)], dtype=np.int64)
    return weights, v, c, matrices, item_skill, item_level


def credit(held, required):
    """1 if the held level reaches the level asked, 0.5 if exactly one level short, else 0 (0 = not held)."""
    return np.where(held >= required, 1.0, np.where((held > 0) & (held == required - 1), 0.5, 0.0))


def haversine(lat1, lon1, lat2, lon2):
    radians = np.pi / 180
    dlat = (lat2 - lat1) * radians
    dlon = (lon2 - lon1) * radians
    a = np.sin(dlat / 2) * np.sin(dlat / 2) + np.cos(lat1 * radians) * np.cos(lat2 * radians) * np.sin(dlon / 2) * np.sin(dlon / 2)
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def travel_value(km, limit):
    with np.errstate(divide="ignore", invalid="ignore"):
        linear = np.clip(1 - km / limit, 0.0, 1.0)
    return np.where(limit > 0, linear, np.where(km <= 0, 1.0, 0.0))


def top_k(weights, v, c, matrices, item_skill, item_level, k, chunk):
    n_essential = np.asarray(matrices["essential"].sum(axis=0)).ravel()
    n_desirable = np.asarray(matrices["desirable"].sum(axis=0)).ravel()
    # Ties: vacancy id ascending as an upper-case uuid string, then input order.
    id_rank = np.empty(len(v["id"]), dtype=np.int64)
    id_rank[sorted(range(len(v["id"])), key=lambda i: (v["id"][i], i))] = np.arange(len(v["id"]))
    essential_t = matrices["essential"].T.tocsr()
    desirable_t = matrices["desirable"].T.tocsr()
    licence_t = matrices["licence"].T.tocsr()
    results = []
    for start in range(0, len(c["id"]), chunk):
        rows = slice(start, min(len(c["id"]), start + chunk))
        levels = c["levels"][rows].toarray().astype(np.int64)
        credits = credit(levels[:, item_skill], item_level[None, :])  # client x item
        essential_credit = (essential_t @ credits.T).T  # sums of 0, 0.5 and 1: exact
        desirable_credit = (desirable_t @ credits.T).T
        short_licences = (licence_t @ (credits < 1).T.astype(np.float64)).T
        with np.errstate(divide="ignore", invalid="ignore"):
            essential = np.where(n_essential > 0, essential_credit / n_essential, 1.0)
            desirable = np.where(n_desirable > 0, desirable_credit / n_desirable, 1.0)
        qual = c["qual"][rows, None]
        qualification = (qual >= v["min_qual"][None, :]).astype(np.float64)
        aspiration = c["aspires"][rows].toarray()[:, v["occupation"]].astype(np.float64)
        km = haversine(c["lat"][rows, None], c["lon"][rows, None], v["lat"][None, :], v["lon"][None, :])
        limit = c["max_km"][rows, None]
        travel = travel_value(km, limit)

        score = np.zeros(km.shape)
        score += weights["essential_skills"] * essential
        score += weights["desirable_skills"] * desirable
        score += weights["qualification"] * qualification
        score += weights["aspiration"] * aspiration
        score += weights["travel"] * travel

        hours = v["hours"][None, :]
        eligible = (
            ~(km > limit)
            & (hours >= c["min_hours"][rows, None]) & (hours <= c["max_hours"][rows, None])
            & (short_licences == 0)
            & ~(c["age"][rows, None] < v["min_age"][None, :])
            & (qual >= v["min_qual"][None, :])
            & ~(v["english"][None, :] & ~c["english"][rows, None])
            & ~(v["maths"][None, :] & ~c["maths"][rows, None])
        )
        score = np.where(eligible, score, -np.inf)
        for i in range(score.shape[0]):
            row = score[i]
            count = int(eligible[i].sum())
            if count == 0:
                results.append([])
                continue
            take = min(k, count)
            kth = np.partition(row, row.size - take)[row.size - take]
            candidates = np.nonzero(row >= kth)[0]
            order = candidates[np.lexsort((id_rank[candidates], -row[candidates]))][:take]
            results.append([(int(j), float(row[j])) for j in order])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instance")
    parser.add_argument("output")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--chunk", type=int, default=256)
    args = parser.parse_args()

    started = time.perf_counter()
    weights, v, c, matrices, item_skill, item_level = load(args.instance)
    loaded = time.perf_counter()
    results = top_k(weights, v, c, matrices, item_skill, item_level, args.top, args.chunk)
    ranked = time.perf_counter()
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["client_id", "rank", "vacancy_id", "score"])
        for client, matches in zip(c["id"], results):
            for rank, (j, score) in enumerate(matches, start=1):
                writer.writerow([client, rank, v["id"][j], repr(score)])
    print(json.dumps({"seconds": ranked - loaded, "load_seconds": loaded - started, "clients": len(c["id"]), "vacancies": len(v["id"])}))


if __name__ == "__main__":
    main()
