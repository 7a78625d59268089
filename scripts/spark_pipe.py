#!/usr/bin/env python3
"""Check a JSON Lines archive of articles with quotecheck inside Apache Spark (RDD.pipe).

Each partition of the archive is streamed through one `quotecheck check --input-format jsonl
--format json -` process; the findings (JSON Lines, one per quote, keyed by the article's id in
`file`) are written to OUT as one text file.

  spark_pipe.py ARCHIVE.jsonl OUT.jsonl --bin target/release/quotecheck [--master local[2]]
                [--partitions 8]

On a cluster the archive is a URI every executor can reach (hdfs://, s3a://) and the binary
is shipped with `spark-submit --files quotecheck` and named `./quotecheck`: see docs/spark.md.
"""

import argparse
import os
import shlex
import time

from pyspark import SparkConf, SparkContext


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("archive")
    ap.add_argument("out")
    ap.add_argument("--bin", required=True, help="the quotecheck binary, as executors see it")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--args", default="", help="more quotecheck options, e.g. '--lang fr'")
    a = ap.parse_args()

    conf = SparkConf().setAppName("quotecheck").setMaster(a.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    start = time.time()
    articles = sc.textFile(os.path.abspath(a.archive), minPartitions=a.partitions)
    # One process per partition: articles in on stdin, findings out on stdout. checkCode stays
    # off: exit 1 never happens with --no-fail, and exit 2 (a bad line, reported on stderr)
    # still reports every other article.
    command = [a.bin, "check", "--input-format", "jsonl", "--format", "json", "--no-fail"]
    command += shlex.split(a.args) + ["-"]
    findings = articles.pipe(shlex.join(command))
    rows = findings.collect()
    elapsed = time.time() - start
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(r + "\n")
    print(f"spark: {articles.getNumPartitions()} partitions, {len(rows)} findings, {elapsed:.1f} s")
    sc.stop()


if __name__ == "__main__":
    main()
