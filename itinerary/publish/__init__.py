"""Publishing: keeping a programme's calendars current where participants subscribe once.

`folder` writes a static folder any web server can serve (a feed per participant, per
group and for the whole programme, printed pages and an index); `caldav` keeps one
collection per participant on a CalDAV server, event by event.
"""
