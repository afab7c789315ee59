"""Printed papers: the PDF that the worker renders for each published version of a paper."""
