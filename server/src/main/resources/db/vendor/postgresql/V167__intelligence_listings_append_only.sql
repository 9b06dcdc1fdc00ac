-- PostgreSQL only: the listing tables are append-only by trigger, as the seizure tables are (V161).
create trigger intel_listing_append_only before update or delete on intel_listing
    for each row execute function ferret_intel_refuse_change();
create trigger intel_listing_review_append_only before update or delete on intel_listing_review
    for each row execute function ferret_intel_refuse_change();
create trigger intel_lead_append_only before update or delete on intel_lead
    for each row execute function ferret_intel_refuse_change();
create trigger intel_lead_link_append_only before update or delete on intel_lead_link
    for each row execute function ferret_intel_refuse_change();
