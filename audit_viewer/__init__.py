"""The audit trail's viewer for administrators: filters, pages, CSV and XLSX through the exports
app, links to each object's history. Apart from the audit app, which sits below every app so
that every app may write to it, while this one reads it with the exports app's machinery."""
