"""Dry runs of one source for ``sources test``: what a crawl would take, extract and keep."""

from __future__ import annotations

from crawler.trial.articles import TrialArticle
from crawler.trial.run import DEFAULT_LIMIT, Trial, run_trial
from crawler.trial.verdict import Verdict

__all__ = ["DEFAULT_LIMIT", "Trial", "TrialArticle", "Verdict", "run_trial"]
