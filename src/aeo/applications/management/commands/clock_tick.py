from django.core.management.base import BaseCommand

from aeo.applications.tasks import daily_clock_tick


class Command(BaseCommand):
    help = "Run the daily statutory-clock duties now: lapse overdue pauses, send reminders."

    def handle(self, *args, **opts) -> None:
        result = daily_clock_tick.call()
        self.stdout.write(f"Lapsed {result['lapsed']}; reminded {result['reminded']} examiners.")
