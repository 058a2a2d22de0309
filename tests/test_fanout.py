"""The fan-out that runs a document's lens and persona calls at once, on threads kept between fan-outs."""

from __future__ import annotations

import threading

import pytest

from assistant.llm.fanout import run_all


def test_items_run_at_once_and_results_keep_their_order() -> None:
    # Every item waits for all the others: this only finishes if they run at the same time.
    barrier = threading.Barrier(6, timeout=30)

    def work(item: int) -> int:
        barrier.wait()
        return item * 10

    futures = run_all(work, [5, 4, 3, 2, 1, 0])
    assert [f.result() for f in futures] == [50, 40, 30, 20, 10, 0]


def test_an_item_that_fails_leaves_the_others_and_every_item_has_finished() -> None:
    def work(item: str) -> str:
        if item == "bad":
            raise ValueError("no answer")
        return item.upper()

    futures = run_all(work, ["a", "bad", "c"])
    assert all(f.done() for f in futures)
    assert futures[0].result() == "A" and futures[2].result() == "C"
    with pytest.raises(ValueError, match="no answer"):
        futures[1].result()


def test_a_second_fan_out_reuses_the_threads_of_the_first() -> None:
    seen: set[int] = set()

    def work(item: int) -> int:
        seen.add(threading.get_ident())
        return item

    run_all(work, [1, 2, 3])
    alive = {thread.ident for thread in threading.enumerate()}
    seen.clear()
    for _ in range(5):
        run_all(work, [1, 2])
    assert seen and seen <= alive


def test_nested_fan_outs_do_not_wait_for_each_other() -> None:
    # A fan-out inside a fan-out (more items than any fixed pool might hold) still finishes.
    def inner(item: int) -> int:
        return item + 1

    def outer(item: int) -> int:
        return sum(f.result() for f in run_all(inner, range(item)))

    assert [f.result() for f in run_all(outer, [40, 40, 40])] == [820, 820, 820]
