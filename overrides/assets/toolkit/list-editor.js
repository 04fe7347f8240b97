/* Shared list editor (add, edit, remove, move) for the SWOT and SMART worksheets. */
