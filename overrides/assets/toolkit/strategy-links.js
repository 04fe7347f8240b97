/* How the workbook's steps lead into each other: objective -> policy element -> SWOT items -> challenges -> checklist gaps. */
