"""Tests of ui/autograd/, one file per module."""
