"""BrAPI v2.1 at /brapi/v2: the catalogue, its people, places, seasons and lots for breeding
tools, from the same queries and access rules as the pages and /api/v1.

One Blueprint per group of calls (core, germplasm, seedlots), each registered explicitly in
create_app; /serverinfo lists the routes of these blueprints, so what is advertised is what
is served. Every answer is wrapped by germplasm.brapi.envelope."""
