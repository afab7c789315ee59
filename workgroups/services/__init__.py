"""Write operations of the working-group domain (HackSoft style: <entity>_<action>)."""
