-- Node exchange as its own module: a document refers to what it is about on this node by a generic reference
-- (a trace request id for the tracing kinds, a checkpoint size for audit checkpoints), and kinds may be longer.
alter table tracing_node_document add column reference varchar(100);
update tracing_node_document set reference = cast(trace_request as varchar(100)) where trace_request is not null;
alter table tracing_node_document alter column kind set data type varchar(40);
