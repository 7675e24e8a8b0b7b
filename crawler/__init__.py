"""Crawling: spiders, pipelines, extraction and dedupe primitives."""
